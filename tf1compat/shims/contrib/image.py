"""``tf.contrib.image`` for TF1 scripts: rotate / translate / transform on TensorFlow's projective-transform kernel.

TF 1.15 semantics: images of rank 2 (HW), 3 (HWC) or 4 (NHWC); a transform
``[a0, a1, a2, b0, b1, b2, c0, c1]`` maps each *output* pixel (x, y) to the *input* point
``((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)``, ``k = c0 x + c1 y + 1``; pixels that fall
outside the input are 0; ``interpolation`` is ``"NEAREST"`` (default) or ``"BILINEAR"``.
"""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1


def _as_batch(images):
    # TF1 accepted one image (HW or HWC) or a batch (NHWC); returns the NHWC view and its original rank.
    rank = images.get_shape().ndims
    if rank == 2:
        return images[None, :, :, None], rank
    if rank == 3:
        return images[None, :, :, :], rank
    if rank == 4:
        return images, rank
    raise TypeError("Images should have rank between 2 and 4.")


def _from_batch(output, rank):
    if rank == 2:
        return output[0, :, :, 0]
    return output[0] if rank == 3 else output


def transform(images, transforms, interpolation="NEAREST", output_shape=None, name=None):
    """Apply projective ``transforms`` (one [8] vector, or [N, 8] one per image) to ``images``."""
    with _v1.name_scope(name, "transform"):
        images = _v1.convert_to_tensor(images, name="images")
        batch, rank = _as_batch(images)
        transforms = _v1.convert_to_tensor(transforms, name="transforms", dtype=_v1.float32)
        if transforms.get_shape().ndims == 1:
            transforms = transforms[None]
        elif transforms.get_shape().ndims != 2:
            raise TypeError("Transforms should have rank 1 or 2.")
        if output_shape is None:
            # A constant when the input shape is static, so the output keeps a static shape (as in TF1).
            size = _v1.shape(batch)[1:3]
            static = _v1.get_static_value(size)
            output_shape = size if static is None else static
        output_shape = _v1.convert_to_tensor(output_shape, _v1.int32, name="output_shape")
        if not output_shape.get_shape().is_compatible_with([2]):
            raise ValueError("output_shape must be a 1-D Tensor of 2 elements: new_height, new_width")
        output = _v1.raw_ops.ImageProjectiveTransformV3(
            images=batch, transforms=transforms, output_shape=output_shape,
            fill_value=_v1.constant(0.0, _v1.float32), interpolation=interpolation.upper(), fill_mode="CONSTANT")
        return _from_batch(output, rank)


def angles_to_projective_transforms(angles, image_height, image_width, name=None):
    """The [N, 8] transforms rotating images counter-clockwise by ``angles`` (radians) about their centre."""
    with _v1.name_scope(name, "angles_to_projective_transforms"):
        angles = _v1.convert_to_tensor(angles, name="angles", dtype=_v1.float32)
        if angles.get_shape().ndims == 0:
            angles = angles[None]
        elif angles.get_shape().ndims != 1:
            raise TypeError("Angles should have rank 0 or 1.")
        height = _v1.cast(image_height, _v1.float32)
        width = _v1.cast(image_width, _v1.float32)
        cos, sin = _v1.cos(angles), _v1.sin(angles)
        x_offset = ((width - 1) - (cos * (width - 1) - sin * (height - 1))) / 2.0
        y_offset = ((height - 1) - (sin * (width - 1) + cos * (height - 1))) / 2.0
        columns = [cos, -sin, x_offset, sin, cos, y_offset]
        return _v1.concat([column[:, None] for column in columns]
                          + [_v1.zeros([_v1.shape(angles)[0], 2], _v1.float32)], axis=1)


def rotate(images, angles, interpolation="NEAREST", name=None):
    """``images`` rotated counter-clockwise by ``angles`` radians (a scalar, or one per image), corners zero-filled."""
    with _v1.name_scope(name, "rotate"):
        images = _v1.convert_to_tensor(images, name="images")
        batch, rank = _as_batch(images)
        shape = _v1.shape(batch)
        matrices = angles_to_projective_transforms(angles, shape[1], shape[2])
        return _from_batch(transform(batch, matrices, interpolation=interpolation), rank)


def translations_to_projective_transforms(translations, name=None):
    """The [N, 8] transforms shifting images by ``translations`` ([dx, dy] or [N, 2]) pixels."""
    with _v1.name_scope(name, "translations_to_projective_transforms"):
        translations = _v1.convert_to_tensor(translations, name="translations", dtype=_v1.float32)
        if translations.get_shape().ndims == 1:
            translations = translations[None]
        elif translations.get_shape().ndims != 2:
            raise TypeError("Translations should have rank 1 or 2.")
        count = _v1.shape(translations)[0]
        ones, zeros = _v1.ones([count, 1], _v1.float32), _v1.zeros([count, 1], _v1.float32)
        return _v1.concat([ones, zeros, -translations[:, 0, None], zeros, ones, -translations[:, 1, None],
                           _v1.zeros([count, 2], _v1.float32)], axis=1)


def translate(images, translations, interpolation="NEAREST", name=None):
    """``images`` shifted by ``translations`` ([dx, dy] pixels, or one pair per image), vacated pixels zero."""
    with _v1.name_scope(name, "translate"):
        return transform(images, translations_to_projective_transforms(translations), interpolation=interpolation)


def flat_transforms_to_matrices(transforms):
    """[N, 8] (or [8]) transforms -> [N, 3, 3] matrices (the ninth entry 1)."""
    with _v1.name_scope("flat_transforms_to_matrices"):
        transforms = _v1.reshape(_v1.convert_to_tensor(transforms, _v1.float32), [-1, 8])
        ones = _v1.ones([_v1.shape(transforms)[0], 1], _v1.float32)
        return _v1.reshape(_v1.concat([transforms, ones], axis=1), [-1, 3, 3])


def matrices_to_flat_transforms(transform_matrices):
    """[N, 3, 3] (or [3, 3]) matrices -> [N, 8] transforms, normalised so the ninth entry is 1."""
    with _v1.name_scope("matrices_to_flat_transforms"):
        flat = _v1.reshape(_v1.convert_to_tensor(transform_matrices, _v1.float32), [-1, 9])
        return (flat / flat[:, 8:9])[:, :8]


def compose_transforms(*transforms):
    """One transform that, given to ``transform``, equals applying each of ``transforms`` in the order given."""
    with _v1.name_scope("compose_transforms"):
        composed = flat_transforms_to_matrices(transforms[0])
        for later in transforms[1:]:
            composed = _v1.matmul(composed, flat_transforms_to_matrices(later))
        return matrices_to_flat_transforms(composed)


__all__ = ["angles_to_projective_transforms", "compose_transforms", "flat_transforms_to_matrices",
           "matrices_to_flat_transforms", "rotate", "transform", "translate",
           "translations_to_projective_transforms"]

__getattr__, __dir__ = contrib_module_hooks("contrib.image", __name__, __all__)
