using System.Globalization;
using System.Text;
using RuralMarket.Domain.Payments;
using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Payments;

/// <summary>
/// The open payout runs as a bulk-transfer file (chuyển tiền theo lô) for the bank's business screen: UTF-8 with a byte
/// order mark, comma-separated, one row per run: number, beneficiary account, holder as the bank prints it, bank BIN
/// and short name, whole đồng without separators, and a plain memo naming the run. Cells that a spreadsheet would take
/// for a formula are escaped as in the product export.
/// </summary>
public static class PayoutBankFile
{
    private static readonly string[] Header = ["STT", "Số tài khoản", "Tên người thụ hưởng", "Mã ngân hàng (BIN)", "Ngân hàng", "Số tiền", "Nội dung"];

    public static byte[] Write(IEnumerable<PayoutRun> runs)
    {
        var output = new StringBuilder();
        CsvText.Write(output, Header, ',');
        var row = 0;
        foreach (var run in runs)
        {
            row++;
            CsvText.Write(output, new[]
            {
                row.ToString(CultureInfo.InvariantCulture), run.Account.AccountNumber, run.Account.HolderName, run.Account.BankBin,
                run.Account.Bank?.ShortName ?? string.Empty, run.Total.Dong.ToString(CultureInfo.InvariantCulture), run.Memo,
            }.Select(ProductCsvFile.Escape), ',');
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(output.ToString())];
    }
}
