var frame = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();
Console.WriteLine(Consumer.Pipeline.DetectMask(Consumer.Pipeline.BlurFaces(frame)) ? "mask" : "no mask");
