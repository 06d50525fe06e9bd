package kz.qujat.inspect;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image's bytes, already in memory, as ImageIO's readers take them. {@code ImageIO.createImageInputStream} on a
 * byte stream would, with ImageIO's default cache setting, first copy every byte into a temporary file in
 * {@code java.io.tmpdir} and delete it afterwards: a citizen's photo and signature written to disk twice per check
 * (header, then pixels), and file system calls at every intake. Reading the array in place gives the readers the
 * same bytes, so the same pixels.
 */
final class BytesImageInput extends ImageInputStreamImpl {
    private final byte[] data;

    BytesImageInput(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= data.length) {
            return -1;
        }
        return data[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + b.length);
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
