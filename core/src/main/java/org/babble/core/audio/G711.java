package org.babble.core.audio;

/** ITU-T G.711 companding (A-law and mu-law) to 16-bit linear, as telephone-grade recorders store it. */
final class G711 {
    private G711() {}

    static int alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a & 0x70) >> 4;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    static int mulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }
}
