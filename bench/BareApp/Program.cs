// One line written to the stdout file descriptor, without System.Console: the floor a lookup cannot go under.
using Microsoft.Win32.SafeHandles;

using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
stdout.Write("\n"u8);
