using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Help.Indexer.Sources.PydocTopics;

/// <summary>A marshal stream that does not follow the format; the message says where and how.</summary>
internal sealed class MarshalFormatException(string message) : Exception(message);

/// <summary>Python's singletons in a marshal stream: None, Ellipsis, StopIteration, and the NULL that ends a dict.</summary>
internal sealed record PySingleton(string Name)
{
    public static readonly PySingleton None = new("None");
    public static readonly PySingleton Ellipsis = new("Ellipsis");
    public static readonly PySingleton StopIteration = new("StopIteration");
    public static readonly PySingleton Null = new("NULL");
}

/// <summary>A set or frozenset; its items in stream order.</summary>
internal sealed record PySet(IReadOnlyList<object> Items, bool Frozen);

/// <summary>The parts of a code object the topics reader uses; the rest is read and dropped.</summary>
internal sealed record PyCode(byte[] Code, IReadOnlyList<object> Consts, IReadOnlyList<object> Names, string Name);

/// <summary>
/// Reads Python's marshal format, version 4 (Python 3.4 and later), as Python/marshal.c writes it:
/// a type byte, whose bit 0x80 (FLAG_REF) asks the reader to remember the object so that a later
/// TYPE_REF ('r' + int32 index) can refer back to it, then the object's payload; integers are
/// little-endian int32. Code objects differ by version: see <see cref="ReadCode"/>.
/// </summary>
internal sealed class MarshalReader
{
    private const byte FlagRef = 0x80;
    private const int MaxDepth = 2000; // marshal.c's MAX_MARSHAL_STACK_DEPTH

    private readonly byte[] _data;
    private readonly Version _python;
    private readonly List<object?> _refs = [];
    private int _pos;
    private int _depth;

    public MarshalReader(byte[] data, int offset, Version python)
    {
        _data = data;
        _pos = offset;
        _python = python;
    }

    public object ReadObject()
    {
        if (++_depth > MaxDepth)
        {
            throw new MarshalFormatException("objects nested too deeply");
        }
        var at = _pos;
        var code = ReadByte();
        var flag = (code & FlagRef) != 0;
        var type = (char)(code & ~FlagRef);
        // r_ref_reserve: a flagged container takes its index before its items are read.
        var refIndex = -1;
        if (flag)
        {
            refIndex = _refs.Count;
            _refs.Add(null);
        }
        var value = ReadPayload(type, at);
        if (flag)
        {
            _refs[refIndex] = value;
        }
        _depth--;
        return value;
    }

    private object ReadPayload(char type, int at)
    {
        switch (type)
        {
            case '0': return PySingleton.Null;
            case 'N': return PySingleton.None;
            case 'F': return false;
            case 'T': return true;
            case 'S': return PySingleton.StopIteration;
            case '.': return PySingleton.Ellipsis;
            case 'i': return (long)ReadInt32();
            case 'I': return ReadInt64();
            case 'l': return ReadLong();
            case 'g': return BitConverter.Int64BitsToDouble(ReadInt64());
            case 'f': return ParseDouble(ReadShortText());
            case 'y': return new Complex(BitConverter.Int64BitsToDouble(ReadInt64()), BitConverter.Int64BitsToDouble(ReadInt64()));
            case 'x': return new Complex(ParseDouble(ReadShortText()), ParseDouble(ReadShortText()));
            case 's': return ReadBytes(ReadSize()).ToArray();
            case 'u' or 't': return DecodeUtf8(ReadBytes(ReadSize()), at);
            // TYPE_ASCII and friends hold Latin-1 bytes that are all ASCII (w_short_pstring).
            case 'a' or 'A': return Encoding.Latin1.GetString(ReadBytes(ReadSize()));
            case 'z' or 'Z': return Encoding.Latin1.GetString(ReadBytes(ReadByte()));
            case ')': return ReadItems(ReadByte());
            case '(': return ReadItems(ReadSize());
            case '[': return new List<object>(ReadItems(ReadSize()));
            case '<' or '>': return new PySet(ReadItems(ReadSize()), type == '>');
            case '{': return ReadDict();
            case 'c': return ReadCode();
            case 'r':
            {
                var index = ReadInt32();
                if (index < 0 || index >= _refs.Count || _refs[index] is not { } target)
                {
                    throw new MarshalFormatException($"offset {at}: reference {index} to an object not read yet");
                }
                return target;
            }
            default:
                throw new MarshalFormatException($"offset {at}: unknown type code 0x{(byte)type:x2}");
        }
    }

    /// <summary>
    /// TYPE_CODE. 3.8 to 3.10: argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
    /// code, consts, names, varnames, freevars, cellvars, filename, name, firstlineno, lnotab (3.10:
    /// linetable). 3.11 and later: argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code,
    /// consts, names, localsplusnames, localspluskinds, filename, name, qualname, firstlineno,
    /// linetable, exceptiontable.
    /// </summary>
    private PyCode ReadCode()
    {
        var modern = _python >= new Version(3, 11);
        ReadInt32(); // argcount
        ReadInt32(); // posonlyargcount
        ReadInt32(); // kwonlyargcount
        if (!modern)
        {
            ReadInt32(); // nlocals
        }
        ReadInt32(); // stacksize
        ReadInt32(); // flags
        var code = ReadObject() as byte[] ?? throw new MarshalFormatException("co_code is not bytes");
        var consts = ReadObject() as IReadOnlyList<object> ?? throw new MarshalFormatException("co_consts is not a tuple");
        var names = ReadObject() as IReadOnlyList<object> ?? throw new MarshalFormatException("co_names is not a tuple");
        if (modern)
        {
            ReadObject(); // co_localsplusnames
            ReadObject(); // co_localspluskinds
        }
        else
        {
            ReadObject(); // co_varnames
            ReadObject(); // co_freevars
            ReadObject(); // co_cellvars
        }
        ReadObject(); // co_filename
        var name = ReadObject() as string ?? "";
        if (modern)
        {
            ReadObject(); // co_qualname
        }
        ReadInt32(); // co_firstlineno
        ReadObject(); // co_lnotab / co_linetable
        if (modern)
        {
            ReadObject(); // co_exceptiontable
        }
        return new PyCode(code, consts, names, name);
    }

    private object[] ReadItems(int count)
    {
        // Every item takes at least its type byte: a larger count is damage, not a reason to allocate gigabytes.
        if (count > _data.Length - _pos)
        {
            throw new MarshalFormatException($"offset {_pos}: {count} items wanted, {_data.Length - _pos} bytes left");
        }
        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadObject();
        }
        return items;
    }

    private List<KeyValuePair<object, object>> ReadDict()
    {
        // Key/value pairs until a TYPE_NULL key.
        var pairs = new List<KeyValuePair<object, object>>();
        while (true)
        {
            var key = ReadObject();
            if (ReferenceEquals(key, PySingleton.Null))
            {
                return pairs;
            }
            pairs.Add(new(key, ReadObject()));
        }
    }

    /// <summary>TYPE_LONG: int32 digit count (negative for a negative number), then 15-bit digits as uint16, least significant first.</summary>
    private BigInteger ReadLong()
    {
        var n = ReadInt32();
        var count = Math.Abs((long)n);
        if (count > _data.Length - _pos)
        {
            throw new MarshalFormatException($"offset {_pos}: long of {count} digits beyond the end");
        }
        var value = BigInteger.Zero;
        for (var i = 0; i < count; i++)
        {
            var digit = ReadUInt16();
            if (digit >= 1 << 15)
            {
                throw new MarshalFormatException($"offset {_pos - 2}: bad long digit");
            }
            value += new BigInteger(digit) << (15 * i);
        }
        return n < 0 ? -value : value;
    }

    private string DecodeUtf8(ReadOnlySpan<byte> bytes, int at)
    {
        try
        {
            // CPython writes "surrogatepass" UTF-8; the topics texts never hold lone surrogates.
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MarshalFormatException($"offset {at}: a str whose bytes are not UTF-8");
        }
    }

    private static double ParseDouble(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MarshalFormatException($"a float whose text is not a number ({text[..Math.Min(text.Length, 20)]})");

    private string ReadShortText() => Encoding.Latin1.GetString(ReadBytes(ReadByte()));

    private int ReadSize()
    {
        var n = ReadInt32();
        if (n < 0)
        {
            throw new MarshalFormatException($"offset {_pos - 4}: negative size {n}");
        }
        return n;
    }

    private ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count > _data.Length - _pos)
        {
            throw new MarshalFormatException($"offset {_pos}: {count} bytes wanted, {_data.Length - _pos} left");
        }
        var span = _data.AsSpan(_pos, count);
        _pos += count;
        return span;
    }

    private byte ReadByte() => ReadBytes(1)[0];

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    private long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));
}
