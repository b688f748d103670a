package io.opencloud.controlplane.stac;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Encodes an 8-bit RGB raster as a minimal GeoTIFF: classic little-endian TIFF, uncompressed, pixel-interleaved, in
 * strips, georeferenced to a projected CRS by a tie point and a pixel scale.
 *
 * <p>The file holds nothing that varies between runs (no dates, no software name), so the same raster always
 * encodes to the same bytes. The layout is the header, the pixels, the one image file directory, then the tag values
 * too long to sit in the directory.
 */
final class GeoTiffWriter {

    /**
     * Where a raster lies: the upper-left corner of its upper-left pixel, in metres of the projected CRS.
     *
     * @param epsg the EPSG code of the projected CRS
     * @param pixelSize the side of a square pixel, in metres
     */
    record Georeference(int epsg, double west, double north, double pixelSize) {
    }

    private static final int HEADER_BYTES = 8;
    private static final int ENTRY_BYTES = 12;
    private static final int SAMPLES_PER_PIXEL = 3;
    // The TIFF specification suggests strips of about 8 KiB so readers need not buffer a whole image.
    private static final int TARGET_STRIP_BYTES = 8 * 1024;

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int BITS_PER_SAMPLE = 258;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC_INTERPRETATION = 262;
    private static final int STRIP_OFFSETS = 273;
    private static final int SAMPLES_PER_PIXEL_TAG = 277;
    private static final int ROWS_PER_STRIP = 278;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int PLANAR_CONFIGURATION = 284;
    private static final int SAMPLE_FORMAT = 339;
    private static final int MODEL_PIXEL_SCALE = 33550;
    private static final int MODEL_TIEPOINT = 33922;
    private static final int GEO_KEY_DIRECTORY = 34735;

    private static final int NO_COMPRESSION = 1;
    private static final int PHOTOMETRIC_RGB = 2;
    private static final int PLANAR_CHUNKY = 1;
    private static final int UNSIGNED_INTEGER = 1;

    private static final int GEO_KEY_DIRECTORY_VERSION = 1;
    private static final int GEO_KEY_REVISION = 1;
    private static final int GEO_KEY_MINOR_REVISION = 0;
    private static final int GEO_KEY_COUNT = 3;
    private static final int GT_MODEL_TYPE = 1024;
    private static final int GT_RASTER_TYPE = 1025;
    private static final int PROJECTED_CS_TYPE = 3072;
    private static final int MODEL_TYPE_PROJECTED = 1;
    private static final int RASTER_PIXEL_IS_AREA = 1;
    // A GeoKey whose TIFFTagLocation is 0 holds its value in the directory itself.
    private static final int VALUE_IN_KEY = 0;

    private GeoTiffWriter() {
    }

    /**
     * Encodes a raster.
     *
     * @param rgb the pixels row by row from the top, each as red, green and blue bytes
     */
    static byte[] encode(int width, int height, byte[] rgb, Georeference georeference) {
        if (width <= 0 || height <= 0 || rgb.length != width * height * SAMPLES_PER_PIXEL) {
            throw new IllegalArgumentException(
                    "%d bytes do not make a %d x %d RGB raster".formatted(rgb.length, width, height));
        }
        List<Entry> entries = entries(width, height, georeference);
        int ifdOffset = HEADER_BYTES + evenLength(rgb.length);
        int valuesOffset = ifdOffset + 2 + entries.size() * ENTRY_BYTES + 4;
        int fileLength = valuesOffset + entries.stream().mapToInt(Entry::outOfLineLength).sum();

        ByteBuffer out = ByteBuffer.allocate(fileLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        out.put(rgb).position(ifdOffset);
        out.putShort((short) entries.size());
        int nextValue = valuesOffset;
        for (Entry entry : entries) {
            out.putShort((short) entry.tag()).putShort((short) entry.type().code).putInt(entry.count());
            if (entry.fitsInline()) {
                out.put(entry.value()).position(out.position() + 4 - entry.value().length);
            } else {
                out.putInt(nextValue);
                nextValue += entry.outOfLineLength();
            }
        }
        out.putInt(0);
        for (Entry entry : entries) {
            if (!entry.fitsInline()) {
                out.put(entry.value()).position(out.position() + entry.outOfLineLength() - entry.value().length);
            }
        }
        return out.array();
    }

    private static List<Entry> entries(int width, int height, Georeference georeference) {
        int bytesPerRow = width * SAMPLES_PER_PIXEL;
        int rowsPerStrip = Math.clamp(TARGET_STRIP_BYTES / bytesPerRow, 1, height);
        int strips = Math.ceilDiv(height, rowsPerStrip);
        long[] offsets = new long[strips];
        long[] byteCounts = new long[strips];
        for (int strip = 0; strip < strips; strip++) {
            int firstRow = strip * rowsPerStrip;
            offsets[strip] = HEADER_BYTES + (long) firstRow * bytesPerRow;
            byteCounts[strip] = (long) Math.min(rowsPerStrip, height - firstRow) * bytesPerRow;
        }
        List<Entry> entries = new ArrayList<>(List.of(
                Entry.longs(IMAGE_WIDTH, width),
                Entry.longs(IMAGE_LENGTH, height),
                Entry.shorts(BITS_PER_SAMPLE, 8, 8, 8),
                Entry.shorts(COMPRESSION, NO_COMPRESSION),
                Entry.shorts(PHOTOMETRIC_INTERPRETATION, PHOTOMETRIC_RGB),
                Entry.longs(STRIP_OFFSETS, offsets),
                Entry.shorts(SAMPLES_PER_PIXEL_TAG, SAMPLES_PER_PIXEL),
                Entry.longs(ROWS_PER_STRIP, rowsPerStrip),
                Entry.longs(STRIP_BYTE_COUNTS, byteCounts),
                Entry.shorts(PLANAR_CONFIGURATION, PLANAR_CHUNKY),
                Entry.shorts(SAMPLE_FORMAT, UNSIGNED_INTEGER, UNSIGNED_INTEGER, UNSIGNED_INTEGER),
                Entry.doubles(MODEL_PIXEL_SCALE, georeference.pixelSize(), georeference.pixelSize(), 0),
                Entry.doubles(MODEL_TIEPOINT, 0, 0, 0, georeference.west(), georeference.north(), 0),
                Entry.shorts(GEO_KEY_DIRECTORY,
                        GEO_KEY_DIRECTORY_VERSION, GEO_KEY_REVISION, GEO_KEY_MINOR_REVISION, GEO_KEY_COUNT,
                        GT_MODEL_TYPE, VALUE_IN_KEY, 1, MODEL_TYPE_PROJECTED,
                        GT_RASTER_TYPE, VALUE_IN_KEY, 1, RASTER_PIXEL_IS_AREA,
                        PROJECTED_CS_TYPE, VALUE_IN_KEY, 1, georeference.epsg())));
        // Readers may rely on the directory being in ascending tag order, as the specification requires.
        entries.sort(Comparator.comparingInt(Entry::tag));
        return entries;
    }

    // Offsets must fall on word boundaries, so everything placed after an odd length gets a pad byte.
    private static int evenLength(int length) {
        return length + (length & 1);
    }

    /** The TIFF field types this writer uses, with their codes and sizes. */
    private enum FieldType {
        SHORT(3, Short.BYTES), LONG(4, Integer.BYTES), DOUBLE(12, Double.BYTES);

        final int code;
        final int bytes;

        FieldType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }
    }

    /** One directory entry, its values already encoded little-endian. */
    private record Entry(int tag, FieldType type, int count, byte[] value) {

        static Entry shorts(int tag, int... values) {
            ByteBuffer buffer = buffer(values.length * FieldType.SHORT.bytes);
            for (int value : values) {
                buffer.putShort((short) value);
            }
            return new Entry(tag, FieldType.SHORT, values.length, buffer.array());
        }

        static Entry longs(int tag, long... values) {
            ByteBuffer buffer = buffer(values.length * FieldType.LONG.bytes);
            for (long value : values) {
                buffer.putInt((int) value);
            }
            return new Entry(tag, FieldType.LONG, values.length, buffer.array());
        }

        static Entry doubles(int tag, double... values) {
            ByteBuffer buffer = buffer(values.length * FieldType.DOUBLE.bytes);
            for (double value : values) {
                buffer.putDouble(value);
            }
            return new Entry(tag, FieldType.DOUBLE, values.length, buffer.array());
        }

        private static ByteBuffer buffer(int length) {
            return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        }

        boolean fitsInline() {
            return value.length <= 4;
        }

        int outOfLineLength() {
            return fitsInline() ? 0 : evenLength(value.length);
        }
    }
}
