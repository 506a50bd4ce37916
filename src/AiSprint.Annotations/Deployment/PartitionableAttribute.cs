using System;

namespace AiSprint.Annotations;

/// <summary>Declares that the component runs a DNN that may be split into partitions placed on different resources.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PartitionableAttribute : Attribute
{
    /// <summary>Declares the partitionable model.</summary>
    /// <param name="onnxPath">The ONNX model file, relative to the project directory.</param>
    /// <param name="maxPartitions">The largest number of partitions to consider; at least 2 for a split to exist.</param>
    public PartitionableAttribute(string onnxPath, int maxPartitions)
    {
        OnnxPath = onnxPath;
        MaxPartitions = maxPartitions;
    }

    /// <summary>The ONNX model file, relative to the project directory.</summary>
    public string OnnxPath { get; }

    /// <summary>The largest number of partitions to consider.</summary>
    public int MaxPartitions { get; }
}
