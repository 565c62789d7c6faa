using Sandbox.Core.Mime;

namespace Sandbox.Core.Tests.Mime;

/// <summary>
/// The pools only ever return equal values (the static pools are shared with tests running in
/// parallel, so sharing itself is checked on a pool of the test's own).
/// </summary>
public class SharedValuesTests
{
    [Fact]
    public void Share_EqualKeys_ReturnsTheFirstValue()
    {
        var pool = new BoundedPool<string, string>(10, StringComparer.Ordinal);
        var a = string.Concat("shared-", "value");
        var b = string.Concat("shared", "-value");

        Assert.Same(pool.Share(a, static v => v), pool.Share(b, static v => v));
    }

    [Fact]
    public void Share_MoreDistinctKeysThanCapacity_StaysBoundedAndReturnsEqualValues()
    {
        var pool = new BoundedPool<string, string>(100, StringComparer.Ordinal);

        for (var i = 0; i < 1_000; i++)
        {
            var value = $"value-{i}";

            Assert.Equal(value, pool.Share(value, static v => v));
            Assert.InRange(pool.Count, 1, 100);
        }
    }

    [Fact]
    public void Text_ManyDistinctValues_ReturnsEqualValues()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var value = $"value-{i}";

            Assert.Equal(value, SharedValues.Text(value));
        }
    }

    [Fact]
    public void Addresses_OneOrSeveral_KeepOrderAndValues()
    {
        var one = SharedValues.Addresses([new MailAddress("Ann", string.Concat("ann@", "x.test"))]);
        var several = SharedValues.Addresses([new MailAddress(null, "a@x.test"), new MailAddress("B", "b@x.test"), new MailAddress(null, "a@x.test")]);

        Assert.Equal(new MailAddress("Ann", "ann@x.test"), Assert.Single(one));
        Assert.Equal([new MailAddress(null, "a@x.test"), new MailAddress("B", "b@x.test"), new MailAddress(null, "a@x.test")], several);
    }
}
