package bvh

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/safefile"
)

// ErrNoBVHInZip is returned when a ZIP holds no .bvh file.
var ErrNoBVHInZip = errors.New("the zip holds no BVH file")

// maxZipActors bounds how many BVH files ReadZip reads from one ZIP.
const maxZipActors = 64

// maxEntryBytes bounds one uncompressed BVH, so a ZIP bomb stops early.
const maxEntryBytes = 2 << 30

// ReadZip reads every .bvh file in a ZIP (sorted by name) as one actor each,
// named after its file: how Move delivers ALL_BVH. Other files are skipped.
// Every BVH must share the first one's frame rate.
func ReadZip(r io.ReaderAt, size int64) (*motion.Clip, error) {
	zr, err := motion.OpenZip(r, size)
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	files := motion.ZipEntries(zr, ".bvh")
	if len(files) == 0 {
		return nil, ErrNoBVHInZip
	}
	if len(files) > maxZipActors {
		return nil, fmt.Errorf("read zip: %d BVH files, more than the %d actors this reader opens", len(files), maxZipActors)
	}
	var out *motion.Clip
	budget := MaxValues // shared by the files: 64 of them may not hold 64 times as much
	for _, f := range files {
		c, err := readEntry(f, budget)
		if err != nil {
			return nil, err
		}
		budget -= values(c.Actors[0])
		if out == nil {
			out = c
			out.Name = ""
			continue
		}
		if math.Abs(c.FPS-out.FPS) > 1e-6*out.FPS {
			return nil, fmt.Errorf("read zip: %s plays at %.3f fps and %s at %.3f fps", f.Name, c.FPS, files[0].Name, out.FPS)
		}
		out.Actors = append(out.Actors, c.Actors...)
	}
	return out, nil
}

// values is how many channel values an actor's tracks hold, as the
// budget counts them.
func values(a *motion.Actor) int {
	n := 0
	for _, t := range a.Tracks {
		n += 3*len(t.T) + 3*len(t.R)
	}
	return n
}

func readEntry(f *zip.File, budget int) (*motion.Clip, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read zip %s: %w", f.Name, err)
	}
	defer rc.Close()
	name := strings.TrimSuffix(path.Base(f.Name), path.Ext(f.Name))
	c, err := readWithin(io.LimitReader(rc, maxEntryBytes), name, budget)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return c, nil
}

// WriteZip writes every actor of c as its own BVH file in one ZIP, named
// after the actor (or actorN.bvh when it has no usable name).
func WriteZip(w io.Writer, c *motion.Clip, opt Options) error {
	zw := zip.NewWriter(w)
	used := map[string]bool{}
	for i, a := range c.Actors {
		name := fileName(a.Name, i, used)
		var buf bytes.Buffer
		if err := Write(&buf, c, i, opt); err != nil {
			return err
		}
		fw, err := zw.Create(name)
		if err != nil {
			return fmt.Errorf("write zip: %w", err)
		}
		if _, err := fw.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("write zip: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	return nil
}

func fileName(name string, i int, used map[string]bool) string {
	clean := safefile.SafeStem(name, ".bvh")
	if strings.Trim(name, " .") == "" {
		clean = fmt.Sprintf("actor%d", i+1)
	}
	n := clean + ".bvh"
	for k := 2; used[strings.ToLower(n)]; k++ {
		n = fmt.Sprintf("%s_%d.bvh", clean, k)
	}
	used[strings.ToLower(n)] = true
	return n
}
