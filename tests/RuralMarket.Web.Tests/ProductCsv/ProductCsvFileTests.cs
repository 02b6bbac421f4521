using System.Text;
using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Tests.ProductCsv;

/// <summary>Reading CSV files as spreadsheets save them, before any product rule is applied.</summary>
public sealed class ProductCsvFileTests
{
    private const string Header = "Mã sản phẩm,Tên sản phẩm,Nhóm,Đơn vị,Khối lượng tịnh (g),Giá (đồng),Hộ sản xuất";

    [Fact]
    public void A_bom_semicolons_unaccented_english_headers_and_quoted_line_breaks_are_all_read()
    {
        var text = "\uFEFFten san pham;Category;DON VI;weight;GIA;Ho san xuat;Mô tả\r\n"
                   + "Miến dong;Thực phẩm;gói;500;85.000;Hoàng Văn Thụ: 100;\"Dòng một\r\n\"\"Dòng hai\"\"; có chấm phẩy\"\r\n"
                   + ";;;;;;\r\n";

        var (rows, problems) = ProductCsvFile.Read(Encoding.UTF8.GetBytes(text));

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(2, row.Row);
        Assert.Equal(("Miến dong", "Thực phẩm", "85.000"), (row["Name"], row["Category"], row["Price"]));
        Assert.Equal("Dòng một\r\n\"Dòng hai\"; có chấm phẩy", row["Description"]);
    }

    [Fact]
    public void Header_problems_name_the_column()
    {
        var (_, problems) = ProductCsvFile.Read(Encoding.UTF8.GetBytes("Tên sản phẩm,Màu sắc,Tên\nA,b,c\n"));

        Assert.Contains(new CsvProblem(1, "Màu sắc", "csv.error.unknown_column"), problems);
        Assert.Contains(new CsvProblem(1, "Tên", "csv.error.duplicate_column"), problems);
        Assert.Contains(new CsvProblem(1, "Giá (đồng)", "csv.error.missing_column"), problems);
        Assert.Contains(new CsvProblem(1, "Hộ sản xuất", "csv.error.missing_column"), problems);
    }

    [Fact]
    public void A_file_that_is_not_utf8_a_short_row_and_an_unclosed_quote_are_reported_by_row()
    {
        var latin1 = Encoding.Latin1.GetBytes("Tên sản phẩm\nMi\u00EAn\n");
        var (_, notUtf8) = ProductCsvFile.Read(latin1);
        var (rows, problems) = ProductCsvFile.Read(Encoding.UTF8.GetBytes($"{Header}\n,A,Thực phẩm\n,B,Thực phẩm,gói,1,1,\"x\" y\n"));

        Assert.Equal("csv.error.not_utf8", Assert.Single(notUtf8).Key);
        Assert.Empty(rows);
        Assert.Equal([new CsvProblem(2, "", "csv.error.cell_count", "3/7"), new CsvProblem(3, "", "csv.error.bad_quotes")], problems);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("'=2+2", "''=2+2")]          // an apostrophe the user typed is kept: the export adds its own in front
    [InlineData("'", "''")]
    [InlineData("Miến dong", "Miến dong")]
    [InlineData("a;=1+1", "\"a;=1+1\"")]   // quoted, so a spreadsheet splitting on ; sees one cell, not a formula
    [InlineData("a,b", "\"a,b\"")]
    public void Every_cell_is_written_safe_for_a_spreadsheet_and_read_back_unchanged(string name, string writtenCell)
    {
        var written = new StringBuilder();
        CsvText.Write(written, Header.Split(','), ',');
        CsvText.Write(written, ["", ProductCsvFile.Escape(name), "Thực phẩm", "gói", "1", "1", "A: 100"], ',');

        var (rows, problems) = ProductCsvFile.Read(Encoding.UTF8.GetBytes(written.ToString()));

        Assert.Empty(problems);
        Assert.Equal(name, Assert.Single(rows)["Name"]);
        Assert.Contains("\r\n," + writtenCell + ",Thực phẩm,", written.ToString(), StringComparison.Ordinal);
    }
}
