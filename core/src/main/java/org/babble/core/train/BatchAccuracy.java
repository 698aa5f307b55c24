package org.babble.core.train;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accuracy of a training batch as TF reports it: predictions of the very forward pass that computed the gradient
 * (dropout on, weights before the update). DL4J hands listeners the activations up to the output layer's input, so only
 * the small output matrix multiply is repeated here instead of a whole second forward pass.
 */
final class BatchAccuracy extends BaseTrainingListener {
    private INDArray labels;
    private double accuracy = Double.NaN;

    void expect(INDArray oneHotLabels) {
        this.labels = oneHotLabels;
        this.accuracy = Double.NaN;
    }

    /** The accuracy of the last fitted batch, NaN if the forward pass was not seen. */
    double accuracy() {
        return accuracy;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        int last = net.getnLayers() - 1;
        INDArray in = activations.get(activations.size() - 1);
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(last);
        if (pre != null) {
            in = pre.preProcess(in, (int) in.size(0), LayerWorkspaceMgr.noWorkspaces());
        }
        INDArray logits = in.mmul(net.getLayer(last).getParam("W"))
                .addiRowVector(net.getLayer(last).getParam("b"));
        accuracy = fraction(logits, labels);
    }

    /** Share of rows whose largest {@code scores} entry is where {@code oneHotLabels} has its one. */
    static double fraction(INDArray scores, INDArray oneHotLabels) {
        INDArray predicted = Nd4j.argMax(scores, 1);
        INDArray truth = Nd4j.argMax(oneHotLabels, 1);
        long correct = predicted
                .eq(truth)
                .castTo(org.nd4j.linalg.api.buffer.DataType.INT32)
                .sumNumber()
                .longValue();
        return correct / (double) predicted.length();
    }
}
