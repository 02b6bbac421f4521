using RuralMarket.Domain.Shared;

namespace RuralMarket.Search;

/// <summary>
/// A query's words, each in its folded form (for matching whatever the diacritics) and its exact form (to rank
/// exact matches first), with the spellings one typo away that the index knows (for words of four letters or more).
/// Every form holds letters and digits only, so no query-language operator of any engine can get through.
/// </summary>
public sealed record SearchTerm(string Folded, string Exact, IReadOnlyList<string> Alternatives)
{
    public const int MaxTerms = 8;
    public const int MinTypoLength = 4;

    public IEnumerable<string> FoldedForms => Alternatives.Prepend(Folded);

    public static IReadOnlyList<SearchTerm> Parse(string text) =>
        VietnameseText.Words(text)
            .Select(word => new SearchTerm(VietnameseText.Fold(word), word, []))
            .Where(term => term.Folded.All(char.IsAsciiLetterOrDigit))
            .DistinctBy(term => term.Exact)
            .Take(MaxTerms)
            .ToList();

    /// <summary>Adds, for each word the index does not know, the known words one edit away.</summary>
    public static async Task<IReadOnlyList<SearchTerm>> WithTyposAsync(IReadOnlyList<SearchTerm> terms, ITermVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var checkable = terms.Where(t => t.Folded.Length >= MinTypoLength).Select(t => t.Folded).ToList();
        if (checkable.Count == 0)
        {
            return terms;
        }
        var known = await vocabulary.KnownAsync(checkable, cancellationToken);
        var result = new List<SearchTerm>(terms.Count);
        foreach (var term in terms)
        {
            if (term.Folded.Length < MinTypoLength || known.Contains(term.Folded))
            {
                result.Add(term);
                continue;
            }
            var near = (await vocabulary.CandidatesAsync(term.Folded, cancellationToken))
                .Where(candidate => EditDistance.AtMostOne(term.Folded, candidate))
                .Take(5)
                .ToList();
            result.Add(term with { Alternatives = near });
        }
        return result;
    }
}

/// <summary>The folded words an index holds, for typo tolerance.</summary>
public interface ITermVocabulary
{
    /// <summary>Which of <paramref name="foldedTerms"/> the index holds.</summary>
    Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> foldedTerms, CancellationToken cancellationToken);

    /// <summary>Known words that might be one edit away (a superset is fine; the caller checks the distance).</summary>
    Task<IReadOnlyList<string>> CandidatesAsync(string foldedTerm, CancellationToken cancellationToken);
}

internal static class EditDistance
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Every folded spelling one deletion, swap, substitution or insertion away from <paramref name="term"/>.</summary>
    public static IEnumerable<string> Neighbours(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            yield return term.Remove(i, 1);
            if (i + 1 < term.Length)
            {
                yield return string.Concat(term.AsSpan(0, i), term.AsSpan(i + 1, 1), term.AsSpan(i, 1), term.AsSpan(i + 2));
            }
            foreach (var c in Alphabet)
            {
                if (c != term[i])
                {
                    yield return string.Concat(term.AsSpan(0, i), c.ToString(), term.AsSpan(i + 1));
                }
            }
        }
        for (var i = 0; i <= term.Length; i++)
        {
            foreach (var c in Alphabet)
            {
                yield return term.Insert(i, c.ToString());
            }
        }
    }

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns a into b (or they are equal).</summary>
    public static bool AtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (i == a.Length || i == b.Length)
        {
            return true; // equal, or one extra character at the end
        }
        return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))                                   // substitution
            || a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1))                                       // insertion into a
            || a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i))                                       // deletion from a
            || (i + 1 < a.Length && i + 1 < b.Length && a[i] == b[i + 1] && a[i + 1] == b[i]
                && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));                             // transposition
    }
}
