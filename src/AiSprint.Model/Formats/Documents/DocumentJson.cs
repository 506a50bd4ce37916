using System.Text;
using System.Text.Json;

namespace AiSprint.Model.Formats;

/// <summary>Writes a <see cref="DocumentNode"/> back as compact JSON, to keep opaque parts of a file verbatim.</summary>
internal static class DocumentJson
{
    public static string ToCanonicalJson(DocumentNode node, string? except = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, except);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, DocumentNode node, string? except)
    {
        switch (node.Shape)
        {
            case NodeShape.Mapping:
                writer.WriteStartObject();
                foreach (var member in node.Members)
                {
                    if (member.Key == except) continue;
                    writer.WritePropertyName(member.Key);
                    Write(writer, member.Value, null);
                }
                writer.WriteEndObject();
                break;
            case NodeShape.Sequence:
                writer.WriteStartArray();
                foreach (var item in node.Items) Write(writer, item, null);
                writer.WriteEndArray();
                break;
            case NodeShape.Number:
                writer.WriteRawValue(node.Text!);
                break;
            case NodeShape.Boolean:
                writer.WriteBooleanValue(node.Text == "true");
                break;
            case NodeShape.Null:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(node.Text);
                break;
        }
    }
}
