package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/figure"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/rigs"
	"singlecam/core/safefile"
)

// Source is a motion to export: the clip read from a file, what to call
// its outputs and where they go.
type Source struct {
	// Clip is the motion as read.
	Clip *motion.Clip
	// Format is the source file's format (BVH for a ZIP of BVHs).
	Format Format
	// Dir is the folder the outputs land in (the source's own).
	Dir string
	// Base starts the outputs' names: "<Base> - <preset>.glb". A job's
	// name, or the file's name without its ending.
	Base string
	// Figure is what clean-up stands the motion on (a character's mesh
	// soles, as the player and `singlecam clean` do); nil stands it on its
	// joints.
	Figure *figure.Figure
}

// StartsWithTPose says whether any of the source's actors stands in a T- or
// A-pose at frame 0 that the motion leaves at once: the only frame that
// Settings.DropTPose drops. An export of an export has none.
func (s Source) StartsWithTPose() bool {
	for _, a := range s.Clip.Actors {
		if fix.StartsWithTPose(a) {
			return true
		}
	}
	return false
}

// File is one file an export will write.
type File struct {
	// Path is where it goes; no file is there when it is planned.
	Path   string
	Format Format
	// Clip is what it will hold.
	Clip *motion.Clip
	// Notes say what the export found that a user should know ("dropped
	// the T-pose at frame 0"), a sentence each.
	Notes []string
}

// maxNumber bounds the numbering of names already taken.
const maxNumber = 1000

// Plan applies the settings to each source and chooses each output's
// path, so the files can be shown before they are written: one GLB per
// source (every actor in it), or one BVH per actor (named after the actor
// when there are several). A name already taken, on disk or by an earlier
// output, gets a number: " (2)". Nothing is written.
func Plan(ctx context.Context, sources []Source, label string, s Settings) ([]File, error) {
	label = strings.TrimSpace(label)
	if label == "" {
		label = Custom
	}
	taken := map[string]bool{}
	var out []File
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		format := s.Format
		if format == "" {
			format = src.Format
		}
		if format == "" {
			format = GLB
		}
		if err := s.checkFor(format); err != nil {
			return nil, err
		}
		c, notes, err := applyNotes(ctx, src.Clip, src.Figure, s)
		if err != nil {
			return nil, err
		}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("export %s: %w", src.Base, err)
		}
		c = nameUnnamed(c)
		if format == BVH {
			// A BVH's rest pose is its offsets alone: bone rolls go
			// into the motion.
			c = fix.ZeroRestRotations(c)
		}
		parts := []*motion.Clip{c}
		if (format == BVH || format == VRMA) && len(c.Actors) > 1 {
			parts = fix.SplitActors(c)
		}
		for i, part := range parts {
			stem := src.Base + " - " + label
			if len(parts) > 1 {
				stem += " - " + actorLabel(c.Actors[i].Name, i)
			}
			ext := "." + string(format)
			p, err := freePath(src.Dir, safefile.SafeStem(stem, ext), ext, taken)
			if err != nil {
				return nil, err
			}
			taken[p] = true
			out = append(out, File{Path: p, Format: format, Clip: part, Notes: notes})
		}
	}
	return out, nil
}

func actorLabel(name string, i int) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("actor %d", i+1)
	}
	return name
}

func freePath(dir, stem, ext string, taken map[string]bool) (string, error) {
	for n := 1; n <= maxNumber; n++ {
		p := filepath.Join(dir, safefile.Numbered(stem+ext, n))
		if taken[p] {
			continue
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		} else if err != nil {
			return "", fmt.Errorf("export: %w", err)
		}
	}
	return "", fmt.Errorf("export: %s%s and %d numbered copies exist already in %s", stem, ext, maxNumber, dir)
}

// Encode returns the file's bytes.
func (f File) Encode() ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch f.Format {
	case BVH:
		err = bvh.Write(&b, f.Clip, 0, bvh.Options{})
	case VRMA:
		err = gltf.WriteVRMA(&b, f.Clip, vrmRoles(f.Clip))
	default:
		err = gltf.Write(&b, f.Clip)
	}
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", filepath.Base(f.Path), err)
	}
	return b.Bytes(), nil
}

// Write encodes every planned file, then writes each to a new file (never
// over one that exists, even if it appeared since the plan). If any fails,
// the files it wrote are removed: all or nothing. It returns the paths
// written.
func Write(ctx context.Context, files []File) ([]string, error) {
	data := make([][]byte, len(files))
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := f.Encode()
		if err != nil {
			return nil, err
		}
		data[i] = b
	}
	var written []string
	undo := func() {
		for _, p := range written {
			os.Remove(p)
		}
	}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			undo()
			return nil, err
		}
		if err := safefile.WriteNew(f.Path, data[i], 0o644); err != nil {
			undo()
			return nil, fmt.Errorf("export: %w", err)
		}
		written = append(written, f.Path)
	}
	return written, nil
}

// vrmRoles finds the joints of the clip's first actor named after a VRM
// humanoid role (as the vrm names give them): the table a VRM Animation
// carries.
func vrmRoles(c *motion.Clip) map[string]int {
	m, err := rigs.LoadMap("vrm")
	if err != nil || len(c.Actors) == 0 {
		return nil
	}
	out := map[string]int{}
	for j, joint := range c.Actors[0].Skeleton.Joints {
		if _, ok := m.Bones[joint.Name]; ok && joint.Kind != motion.End {
			if _, dup := out[joint.Name]; !dup {
				out[joint.Name] = j
			}
		}
	}
	return out
}
