using System.Collections;
using System.Collections.Immutable;

namespace AiSprint.Model;

/// <summary>
/// An immutable list with structural equality, so that records of the design model compare by
/// content (a round trip through a file format must give an equal model).
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    /// <summary>The empty list.</summary>
    public static readonly ValueList<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    /// <summary>A list of <paramref name="items"/>; a default array counts as empty.</summary>
    public ValueList(ImmutableArray<T> items) => _items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    /// <summary>A list of <paramref name="items"/>, copied.</summary>
    public ValueList(IEnumerable<T> items) : this(items.ToImmutableArray()) { }

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];
    /// <summary>The number of items.</summary>
    public int Count => _items.Length;
    internal ImmutableArray<T> AsImmutableArray() => _items;

    /// <summary>An enumerator over the items, without allocation.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    /// <summary>True when both lists hold equal items in the same order.</summary>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>The items as <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Wraps the array without copying.</summary>
    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items);
    /// <summary>Copies the array into a list.</summary>
    public static implicit operator ValueList<T>(T[] items) => new(items);
    /// <summary>Copies the list into a value list.</summary>
    public static implicit operator ValueList<T>(List<T> items) => new(items);
}

/// <summary>Creation helpers for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>A list of <paramref name="items"/>.</summary>
    public static ValueList<T> Of<T>(params T[] items) => new(items);
    /// <summary>The items as a list that compares by content.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
