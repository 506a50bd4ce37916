namespace AiSprint.Regression.Validation.Python;

/// <summary>
/// A CPython 3.11 <c>set</c> of non-negative ints, emulated down to its open-addressing table so that iteration
/// order is CPython's. aMLLibrary turns row sets into lists (<c>list(set(...))</c>) before sampling from them
/// (spec §4.2), so the rows a seed draws depend on this order, which is not always ascending.
/// </summary>
internal sealed class PythonIntSet
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;
    private const int Unused = -1;
    private const int Dummy = -2;

    private int[] _table = Fresh(MinSize);
    private int _fill;
    private int _used;

    public int Count => _used;
    private int Mask => _table.Length - 1;

    private static int[] Fresh(int size) => Enumerable.Repeat(Unused, size).ToArray();

    /// <summary><c>set(list)</c>: one insertion per element, growing as CPython does.</summary>
    public static PythonIntSet FromList(IEnumerable<int> items)
    {
        var set = new PythonIntSet();
        foreach (var item in items) set.Add(item);
        return set;
    }

    /// <summary><c>set(other_set)</c> (set_merge into an empty set).</summary>
    public static PythonIntSet CopyOf(PythonIntSet other)
    {
        var set = new PythonIntSet();
        set.Merge(other);
        return set;
    }

    public bool Contains(int key)
    {
        ulong perturb = (ulong)key;
        var i = key & Mask;
        while (true)
        {
            var probes = i + LinearProbes <= Mask ? LinearProbes : 0;
            for (var p = 0; p <= probes; p++)
            {
                var entry = _table[i + p];
                if (entry == Unused) return false;
                if (entry == key) return true;
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)Mask);
        }
    }

    /// <summary>set_add_entry: reuse the first dummy on the probe path, resize when the fill reaches 3/5.</summary>
    public void Add(int key)
    {
        ulong perturb = (ulong)key;
        var i = key & Mask;
        var freeSlot = -1;
        while (true)
        {
            var probes = i + LinearProbes <= Mask ? LinearProbes : 0;
            for (var p = 0; p <= probes; p++)
            {
                var at = i + p;
                var entry = _table[at];
                if (entry == Unused)
                {
                    if (freeSlot >= 0)
                    {
                        _table[freeSlot] = key;
                        _used++;
                        return;
                    }
                    _table[at] = key;
                    _fill++;
                    _used++;
                    if ((long)_fill * 5 >= (long)Mask * 3) Resize(_used > 50000 ? _used * 2 : _used * 4);
                    return;
                }
                if (entry == key) return;
                if (entry == Dummy && freeSlot < 0) freeSlot = at;
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)Mask);
        }
    }

    public void Discard(int key)
    {
        ulong perturb = (ulong)key;
        var i = key & Mask;
        while (true)
        {
            var probes = i + LinearProbes <= Mask ? LinearProbes : 0;
            for (var p = 0; p <= probes; p++)
            {
                var entry = _table[i + p];
                if (entry == Unused) return;
                if (entry == key)
                {
                    _table[i + p] = Dummy;
                    _used--;
                    return;
                }
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)Mask);
        }
    }

    /// <summary><c>a - b</c> (set_difference): copy-and-discard when a is more than 4× b, else re-insert a's survivors in a's order.</summary>
    public PythonIntSet Minus(PythonIntSet other)
    {
        if ((_used >> 2) > other._used)
        {
            var copy = CopyOf(this);
            foreach (var key in other) copy.Discard(key);
            return copy;
        }
        var result = new PythonIntSet();
        foreach (var key in this) if (!other.Contains(key)) result.Add(key);
        return result;
    }

    /// <summary>Iteration order: table slot order.</summary>
    public IEnumerator<int> GetEnumerator()
    {
        foreach (var entry in _table) if (entry >= 0) yield return entry;
    }

    public List<int> ToList()
    {
        var list = new List<int>(_used);
        foreach (var key in this) list.Add(key);
        return list;
    }

    private void Merge(PythonIntSet other)
    {
        if (other._used == 0) return;
        if ((long)(_fill + other._used) * 5 >= (long)Mask * 3) Resize((_used + other._used) * 2);
        if (_fill == 0 && Mask == other.Mask && other._fill == other._used)
        {
            // Same size and no dummies: CPython copies the table as is.
            Array.Copy(other._table, _table, _table.Length);
            _fill = other._fill;
            _used = other._used;
            return;
        }
        if (_fill == 0)
        {
            _fill = _used = other._used;
            foreach (var key in other) InsertClean(_table, key);
            return;
        }
        foreach (var key in other) Add(key);
    }

    private void Resize(int minUsed)
    {
        var size = MinSize;
        while (size <= minUsed) size <<= 1;
        var old = _table;
        _table = Fresh(size);
        _fill = _used;
        foreach (var key in old) if (key >= 0) InsertClean(_table, key);
    }

    private static void InsertClean(int[] table, int key)
    {
        var mask = table.Length - 1;
        ulong perturb = (ulong)key;
        var i = key & mask;
        while (true)
        {
            if (table[i] == Unused) { table[i] = key; return; }
            if (i + LinearProbes <= mask)
            {
                for (var j = 1; j <= LinearProbes; j++)
                {
                    if (table[i + j] == Unused) { table[i + j] = key; return; }
                }
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }
}
