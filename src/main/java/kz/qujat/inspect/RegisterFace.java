package kz.qujat.inspect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A register photo's face as the same-person check needs it: the descriptor of its largest face, or none with the
 * reason (no photo, undecodable, no face), and the model that made it ({@link SamePerson#model()}). It is computed
 * once, when the register record is fed (or at its first use by intake, for a record fed before), and kept with the
 * record; one made by another model is never compared, but described again.
 */
public record RegisterFace(String model, float[] descriptor, String reasonKey) {
    public RegisterFace {
        if ((descriptor == null) == (reasonKey == null)) {
            throw new IllegalArgumentException("a register face has either a descriptor or the reason it has none");
        }
    }

    /** The register holds no photo of the person (or no record). */
    public static RegisterFace noPhoto() {
        return new RegisterFace(SamePerson.model(), null, SamePerson.NO_PHOTO);
    }

    /** The descriptor as stored: its 128 floats, little-endian (null without a face). */
    public byte[] descriptorBytes() {
        if (descriptor == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(descriptor.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(descriptor);
        return b.array();
    }

    /** The stored form read back: {@code bytes} as written by {@link #descriptorBytes()}, or null. */
    public static RegisterFace stored(String model, byte[] bytes, String reasonKey) {
        if (bytes == null) {
            return new RegisterFace(model, null, reasonKey);
        }
        if (bytes.length != FaceDescriptor.LENGTH * Float.BYTES) {
            throw new IllegalArgumentException("a stored descriptor has " + FaceDescriptor.LENGTH + " floats");
        }
        float[] d = new float[FaceDescriptor.LENGTH];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(d);
        return new RegisterFace(model, d, null);
    }

    /** Made by the models and alignment in use now. */
    public boolean current() {
        return SamePerson.model().equals(model);
    }

    @Override
    public String toString() {
        return "RegisterFace[" + (descriptor == null ? reasonKey : "descriptor") + ", " + model + "]";
    }
}
