using RuralMarket.Domain.Notices;

namespace RuralMarket.Notices;

/// <summary>
/// Which channel carries a notice to a recipient: Zalo ZNS for a phone when it has a template for that kind, else
/// SMS; e-mail for an address. A channel that is not switched on is still chosen (it is where the notice would go):
/// the sender then only writes the message to the log, as the embedded default does with everything.
/// </summary>
public sealed class NoticeChannels(IEnumerable<INoticeChannel> channels)
{
    private readonly INoticeChannel[] _channels = channels.ToArray();

    public INoticeChannel? For(string recipient, NoticeKind kind) =>
        _channels.FirstOrDefault(c => c.IsOn && c.Reaches(recipient, kind)) ?? _channels.FirstOrDefault(c => c.Name != "zalo" && c.Reaches(recipient, kind));

    public INoticeChannel? Named(string name) => _channels.FirstOrDefault(c => c.Name == name);
}
