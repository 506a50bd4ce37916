namespace Sample;

public static class Unrelated
{
    public static int Twice(int value) => value * 2;
}
