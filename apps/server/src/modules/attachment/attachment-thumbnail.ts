import sharp, { type Sharp } from 'sharp';

/** The longest side of a thumbnail, in pixels: sharp on a phone's 2× screen at 160 CSS px. */
export const THUMBNAIL_PX = 320;

/**
 * A transform stream from an image to a WebP thumbnail: turned upright by its EXIF orientation
 * (phone photos), never enlarged, metadata (GPS of the plant) dropped. Input larger than
 * 50 megapixels is refused by sharp's default limit, so a decompression bomb cannot exhaust memory.
 */
export function thumbnailer(size: number): Sharp {
  return sharp({ failOn: 'error', limitInputPixels: 50_000_000 })
    .rotate()
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 });
}
