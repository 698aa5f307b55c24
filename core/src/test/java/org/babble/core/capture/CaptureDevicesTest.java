package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.babble.core.BabbleException;
import org.junit.jupiter.api.Test;

class CaptureDevicesTest {

    @Test
    void theNoDeviceMessageNamesWhatWasFound() {
        assertEquals(
                "no capture device found (no microphone or line-in that Java can open; found only: "
                        + "HDMI 0 (playback only), Port PCH (ports/controls only))",
                CaptureDevices.noDeviceMessage(List.of("HDMI 0 (playback only)", "Port PCH (ports/controls only)")));
        assertTrue(CaptureDevices.noDeviceMessage(List.of()).contains("found no audio devices at all"));
    }

    @Test
    void withoutCaptureDevicesFindFailsWithThatMessageAndARemedy() {
        assumeTrue(
                CaptureDevices.list().isEmpty(),
                "this machine has a capture device; the no-device path cannot be seen");
        BabbleException e = assertThrows(BabbleException.class, () -> CaptureDevices.find(null));
        assertTrue(e.getMessage().startsWith("no capture device found"), e.getMessage());
        assertTrue(e.getMessage().contains("--from FILE"), e.getMessage());
    }
}
