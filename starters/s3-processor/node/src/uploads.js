// Handles the objects uploaded under uploads/: S3 sends each one's key and size in the event.
const KINDS = { image: ['jpg', 'jpeg', 'png', 'gif', 'webp'], document: ['pdf', 'txt', 'csv', 'json'] };

/** S3 URL-encodes keys in events, with spaces as `+`. */
const decodeKey = (key) => decodeURIComponent(key.replace(/\+/g, ' '));

function kindOf(key) {
  const extension = key.split('.').pop().toLowerCase();
  return Object.keys(KINDS).find((kind) => KINDS[kind].includes(extension)) ?? 'other';
}

exports.handler = async (event) => {
  const processed = event.Records.map(({ s3 }) => {
    const key = decodeKey(s3.object.key);
    // Your processing goes here (read the object with GetObject, make a thumbnail, index it...).
    return { bucket: s3.bucket.name, key, sizeBytes: s3.object.size, kind: kindOf(key) };
  });
  console.log(JSON.stringify({ level: 'INFO', message: 'uploads processed', processed }));
  return { processed };
};
