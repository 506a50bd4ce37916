namespace AiSprint.Profiling.Tests.Networks;

/// <summary>The networks of the design document's experiment and small ones for tests, built with <see cref="NetworkBuilder"/>.</summary>
internal static class ReferenceNetworks
{
    /// <summary>torchvision's VGG configurations: channel counts, 0 for a 2×2 max pool.</summary>
    public static readonly int[] Vgg16Layers = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0];
    public static readonly int[] Vgg19Layers = [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0];

    /// <summary>VGG at <paramref name="size"/>² input; <paramref name="width"/> divides the channels; the classifier is optional.</summary>
    public static NetworkBuilder Vgg(string name, int[] layers, int size = 224, int width = 1, bool classifier = true, int seed = 0)
    {
        var b = new NetworkBuilder(name, 3, size, size, seed);
        foreach (var c in layers)
        {
            if (c == 0) b.MaxPool();
            else b.Conv(c / width, 3).Relu();
        }
        if (classifier)
        {
            b.Flatten().Gemm(4096 / width).Relu().Gemm(4096 / width).Relu().Gemm(1000).Softmax();
        }
        return b;
    }

    /// <summary>A ResNet-style network: a stem, residual blocks of two 3×3 convs (BatchNorm, ReLU) with an Add, a classifier.</summary>
    public static NetworkBuilder Residual(string name, int size = 64, int blocks = 3, int channels = 32, int seed = 0)
    {
        var b = new NetworkBuilder(name, 3, size, size, seed).Conv(channels, 3).BatchNorm().Relu();
        for (var i = 0; i < blocks; i++)
        {
            var skip = b.Current;
            b.Conv(channels, 3).BatchNorm().Relu().Conv(channels, 3).BatchNorm().Add(skip).Relu();
        }
        return b.GlobalAveragePool().Flatten().Gemm(10).Softmax();
    }
}
