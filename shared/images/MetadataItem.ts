/**
 * One piece of metadata found in an image before it was sanitised, shown to the member as what
 * was removed. `detail` is the value where it helps to see it (the GPS position, the serial).
 */
export interface MetadataItem {
  readonly kind:
    | 'exif'
    | 'gps'
    | 'camera'
    | 'serial'
    | 'owner'
    | 'date'
    | 'software'
    | 'makerNote'
    | 'thumbnail'
    | 'xmp'
    | 'iptc'
    | 'icc'
    | 'text'
    | 'comment';
  readonly detail?: string;
}
