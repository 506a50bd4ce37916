namespace AiSprint.Model.Tests.Formats;

/// <summary>Seeded corruptions of a text file: the kinds of damage real files suffer.</summary>
public static class Mutator
{
    public static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0: // truncation
                return text[..random.Next(text.Length)];
            case 1: // a deleted line (deleted key)
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case 2: // a swapped pair of characters
            {
                var chars = text.ToCharArray();
                var i = random.Next(chars.Length - 1);
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            }
            case 3: // a number turned into a string (wrong type)
            {
                var digits = Enumerable.Range(0, text.Length).Where(i => char.IsDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))).ToList();
                if (digits.Count == 0) goto case 0;
                var at = digits[random.Next(digits.Count)];
                return text[..at] + "\"x" + text[at..].Insert(1, "\"");
            }
            case 4: // a value replaced by a structure
            {
                var colon = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
                if (colon.Count == 0) goto case 0;
                var at = colon[random.Next(colon.Count)];
                return text[..(at + 1)] + " [] ," + text[(at + 1)..];
            }
            case 5: // a negative number
            {
                var digits = Enumerable.Range(0, text.Length).Where(i => char.IsDigit(text[i]) && i > 0 && text[i - 1] == ' ').ToList();
                if (digits.Count == 0) goto case 0;
                var at = digits[random.Next(digits.Count)];
                return text[..at] + "-" + text[at..];
            }
            default: // a duplicated line (duplicate key)
            {
                var i = random.Next(lines.Count);
                lines.Insert(i, lines[i]);
                return string.Join('\n', lines);
            }
        }
    }
}
