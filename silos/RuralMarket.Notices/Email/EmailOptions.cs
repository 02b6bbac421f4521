namespace RuralMarket.Notices.Email;

public enum SmtpSecurity
{
    /// <summary>Upgrade to TLS with STARTTLS (port 587), refusing a server that cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: only for a relay on the same machine or network.</summary>
    None,
}

/// <summary><c>Notices:Email</c>: the SMTP server notices are sent through, and the sender they come from. Password from configuration only.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notices:Email";

    public bool Enabled { get; set; }

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>The sender, such as <c>RuralMarket &lt;thongbao@ruralmarket.vn&gt;</c>.</summary>
    public string From { get; set; } = string.Empty;

    public bool IsComplete => Host.Length > 0 && Port is > 0 and <= 65535 && MimeKit.MailboxAddress.TryParse(From, out _);
}
