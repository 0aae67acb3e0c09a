package submit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"singlecam/core/words"
)

// sampleSize is how much of a file's head and of its tail the fingerprint
// reads: with the size, enough to tell videos apart without reading
// gigabytes.
const sampleSize = 1 << 20

// Fingerprint names what a request would pay for: the video's content
// (its size and a hash of its head and tail), the .move file's, and the job
// parameters that change the result (device label, outputs, options, clip
// window). Two requests with the same fingerprint ask for the same job;
// the name, the metadata and the paths do not count.
func Fingerprint(req Request) (string, error) {
	req = req.withDefaults()
	h := sha256.New()
	for _, path := range []string{req.VideoPath, req.MovePath} {
		if path == "" {
			fmt.Fprint(h, "none\n")
			continue
		}
		if err := sampleFile(h, path); err != nil {
			return "", fmt.Errorf("read %s: %w", words.Quote(path), err)
		}
	}
	outputs := slices.Clone(req.Outputs)
	slices.Sort(outputs)
	params, err := json.Marshal(struct {
		DeviceLabel string
		Outputs     any
		Options     any
		ClipWindow  any
	}{req.DeviceLabel, outputs, req.Options, req.ClipWindow})
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	h.Write(params)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sampleFile writes a file's size, head and tail into h.
func sampleFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	fmt.Fprintf(h, "%d\n", size)
	if _, err := io.CopyN(h, f, min(size, sampleSize)); err != nil {
		return err
	}
	if size > 2*sampleSize {
		if _, err := f.Seek(-sampleSize, io.SeekEnd); err != nil {
			return err
		}
		_, err = io.CopyN(h, f, sampleSize)
		return err
	}
	if size > sampleSize {
		_, err = io.Copy(h, f)
	}
	return err
}
