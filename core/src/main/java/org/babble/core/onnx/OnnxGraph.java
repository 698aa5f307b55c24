package org.babble.core.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.babble.core.onnx.proto.Onnx.AttributeProto;
import org.babble.core.onnx.proto.Onnx.GraphProto;
import org.babble.core.onnx.proto.Onnx.NodeProto;
import org.babble.core.onnx.proto.Onnx.TensorProto;
import org.babble.core.onnx.proto.Onnx.TensorShapeProto;
import org.babble.core.onnx.proto.Onnx.TypeProto;
import org.babble.core.onnx.proto.Onnx.ValueInfoProto;

/**
 * Builds an ONNX graph one operator at a time, naming each intermediate value, so that the exporter reads as the
 * network it writes. Values are float tensors throughout: babble's networks have no other kind.
 */
final class OnnxGraph {
    /** One dimension of an input or output: a fixed size, or a name for a size the caller chooses (the batch). */
    record Dimension(long size, String name) {
        static Dimension of(long size) {
            return new Dimension(size, null);
        }

        static Dimension named(String name) {
            return new Dimension(-1, name);
        }
    }

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int values;

    OnnxGraph(String name, String doc) {
        graph.setName(name).setDocString(doc);
    }

    /** Declares a float input of this shape and returns its name. */
    String input(String name, String doc, Dimension... shape) {
        graph.addInput(valueInfo(name, doc, shape));
        return name;
    }

    /** Declares {@code value} as a float output of this shape. */
    void output(String value, String doc, Dimension... shape) {
        graph.addOutput(valueInfo(value, doc, shape));
    }

    /** Adds a constant float tensor of {@code shape} whose values lie row-major in {@code data}; returns its name. */
    String constant(String name, float[] data, long... shape) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for shape of " + size);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : shape) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds {@code op} over {@code inputs} and returns the name of its one output. */
    String op(String op, List<AttributeProto> attributes, String... inputs) {
        return named(op, op.toLowerCase(Locale.ROOT) + "_" + values++, attributes, inputs);
    }

    String op(String op, String... inputs) {
        return op(op, List.of(), inputs);
    }

    /** Adds {@code op} over {@code inputs} whose one output is called {@code output}; returns that name. */
    String named(String op, String output, List<AttributeProto> attributes, String... inputs) {
        graph.addNode(NodeProto.newBuilder()
                .setOpType(op)
                .setName(output)
                .addAllInput(List.of(inputs))
                .addOutput(output)
                .addAllAttribute(attributes));
        return output;
    }

    static AttributeProto ints(String name, long... values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INTS)
                .addAllInts(list)
                .build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    GraphProto build() {
        return graph.build();
    }

    private static ValueInfoProto valueInfo(String name, String doc, Dimension... shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        for (Dimension d : shape) {
            dims.addDim(
                    d.name() != null
                            ? TensorShapeProto.Dimension.newBuilder().setDimParam(d.name())
                            : TensorShapeProto.Dimension.newBuilder().setDimValue(d.size()));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setDocString(doc)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(TensorProto.DataType.FLOAT_VALUE)
                                .setShape(dims)))
                .build();
    }
}
