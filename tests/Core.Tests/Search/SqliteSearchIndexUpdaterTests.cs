using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>New documents of an update get ids between their neighbours', so ids keep the writer's order.</summary>
public sealed class SqliteSearchIndexUpdaterTests
{
    [Fact]
    public void AssignNewIds_NewDocumentsBetweenAndAfterKeptOnes_IdsIncreaseAndKeptOnesStay()
    {
        long[] ids = [0, 16, 0, 0, 32, 0];

        Assert.True(SqliteSearchIndexUpdater.AssignNewIds(ids));

        Assert.Equal(16, ids[1]);
        Assert.Equal(32, ids[4]);
        Assert.True(ids.Zip(ids.Skip(1)).All(p => p.First < p.Second), string.Join(",", ids));
        Assert.Equal(32 + SqliteSearchSchema.IdGap, ids[5]);
    }

    [Fact]
    public void AssignNewIds_NoRoomBetweenNeighbours_Fails()
    {
        long[] ids = [16, 0, 17];

        Assert.False(SqliteSearchIndexUpdater.AssignNewIds(ids));
    }

    [Fact]
    public void AssignNewIds_KeptIdsOutOfOrder_Fails()
    {
        long[] ids = [32, 16];

        Assert.False(SqliteSearchIndexUpdater.AssignNewIds(ids));
    }
}
