package io.opencloud.controlplane.stac;

/**
 * A made-up true-colour scene: smooth colour gradients for the ground, with blocks of cloud covering about as much
 * of it as the item's cloud cover says.
 *
 * <p>Everything derives from the seed through a fixed mixing function, so a scene renders to the same pixels every
 * time, and scenes with different seeds look different.
 *
 * @param seed distinguishes one scene from another
 * @param cloudCover the percentage of the scene to cover with cloud
 */
record SyntheticScene(long seed, double cloudCover) {

    private static final int SAMPLES_PER_PIXEL = 3;
    // Cloud comes in square blocks of this many pixels a side, so that it reads as cloud rather than as noise.
    private static final int CLOUD_BLOCK = 4;
    private static final int CLOUD_BRIGHTNESS = 236;

    /** The scene's pixels, row by row from the top, each as red, green and blue bytes. */
    byte[] render(int width, int height) {
        byte[] rgb = new byte[width * height * SAMPLES_PER_PIXEL];
        double redPhase = unitValue(1);
        double greenPhase = unitValue(2);
        double bluePhase = unitValue(3);
        int i = 0;
        for (int row = 0; row < height; row++) {
            double down = (double) row / height;
            for (int column = 0; column < width; column++) {
                double across = (double) column / width;
                if (isCloudy(column / CLOUD_BLOCK, row / CLOUD_BLOCK)) {
                    int shade = CLOUD_BRIGHTNESS + (int) (unitValue(row * width + column + 4) * 16);
                    rgb[i++] = (byte) shade;
                    rgb[i++] = (byte) shade;
                    rgb[i++] = (byte) shade;
                } else {
                    rgb[i++] = sample(90 + 50 * wave(across + redPhase) + 30 * down);
                    rgb[i++] = sample(110 + 45 * wave(down + greenPhase) + 20 * across);
                    rgb[i++] = sample(70 + 35 * wave((across + down) / 2 + bluePhase));
                }
            }
        }
        return rgb;
    }

    private boolean isCloudy(int blockColumn, int blockRow) {
        // Offset past the values the colours and shades use, so cloud placement is independent of them.
        long block = ((long) blockRow << 20 | blockColumn) + (1L << 40);
        return unitValue(block) * 100 < cloudCover;
    }

    private static double wave(double turns) {
        // StrictMath so that the pixels, and the checked-in files, are the same on every JVM.
        return StrictMath.sin(2 * Math.PI * turns);
    }

    private static byte sample(double value) {
        return (byte) Math.clamp(Math.round(value), 0, 255);
    }

    /** A value in [0, 1) that depends on the seed and the index and looks random in both. */
    private double unitValue(long index) {
        long mixed = seed + index * 0x9E3779B97F4A7C15L;
        mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
        mixed ^= mixed >>> 31;
        return (mixed >>> 11) * 0x1.0p-53;
    }
}
