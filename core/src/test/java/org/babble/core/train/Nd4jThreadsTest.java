package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jThreadsTest {
    private static final ModelShape WORDS = new ModelShape(98, 40, 5);
    private static final ModelShape FIVE_SECOND_CLIPS = new ModelShape(99, 40, 6);

    @Test
    void theDefaultNetworksTrainOnOneNd4jThreadSoTheFeaturePoolKeepsTheOtherCores() {
        assertEquals(1, Nd4jThreads.forNetwork(Architecture.TC_RESNET.multiplyAddsPerClip(WORDS)));
        assertEquals(1, Nd4jThreads.forNetwork(Architecture.TC_RESNET_MAX.multiplyAddsPerClip(FIVE_SECOND_CLIPS)));
    }

    @Test
    void tfConvKeepsEveryCore() {
        assertEquals(
                Runtime.getRuntime().availableProcessors(),
                Nd4jThreads.forNetwork(Architecture.CONV.multiplyAddsPerClip(WORDS)));
    }

    @Test
    void usingACountLimitsNd4jsBlasAndItsOperationThreads() {
        int before = Nd4j.factory().blas().getMaxThreads();
        try {
            Nd4jThreads.use(1);
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        } finally {
            Nd4jThreads.use(before);
        }
    }
}
