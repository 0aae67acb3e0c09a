// Package load opens a motion file of any format Singlecam reads (GLB,
// glTF, VRM avatars, VRM Animation, BVH, Move's MOTION_DATA JSON, or a ZIP
// of BVH or MOTION_DATA files, one per actor), choosing the reader by the
// file's name. It is the one place that knows every format, so that the
// front ends ask for a clip and never parse files themselves.
package load

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"singlecam/core/guard"
	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/movedata"
)

// ErrUnknownFormat is returned for a file whose name ends in none of
// Extensions.
var ErrUnknownFormat = errors.New("not a motion file Singlecam can open")

// Extensions are the endings of the files Open reads, lower case.
var Extensions = []string{".glb", ".gltf", ".vrm", ".vrma", ".bvh", ".json", ".zip"}

// IsMotionFile reports whether Open reads files with this path's ending.
func IsMotionFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Animation describes one of a file's animations.
type Animation struct {
	Name     string
	Duration time.Duration
}

// Motion is an opened file: the clip to play, and the file's animations
// when it holds several (a glTF file may), so a user can choose another.
type Motion struct {
	// Path is the file the motion was read from: clean-up asks it whether
	// the figure has a body to stand on (package figure).
	Path       string
	Clip       *motion.Clip
	Animations []Animation
	Chosen     int // index in Animations of Clip, or -1 when there are none
	// Space is the source's up axis and unit, found or told; the clip is
	// already turned to stand along +Y and its MetresPerUnit set.
	Space Space
	// Notes say in a sentence each what the reading assumed or changed
	// that a user should know ("the skeleton was built from the joints'
	// positions"); the front ends show them.
	Notes []string
}

// MotionDataNote is the note on every MOTION_DATA file.
const MotionDataNote = "Move's motion data: the skeleton was built from the joints' positions (bone directions); its Euler rotations were not used"

// Open reads the motion in the file at path: the animation at index
// animation, or the longest when it is -1 or out of range; its up axis and
// unit are found from the figure.
func Open(ctx context.Context, path string, animation int) (*Motion, error) {
	return OpenWith(ctx, path, Options{Animation: animation})
}

// OpenWith reads the motion in the file at path as opt says. The clip
// comes out standing along +Y (a Z-up source is turned) with its
// MetresPerUnit set; Motion.Space and Motion.Notes say what was found.
func OpenWith(ctx context.Context, path string, opt Options) (_ *Motion, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer guard.Recover(&err, "read "+filepath.Base(path))
	if err := opt.Check(); err != nil {
		return nil, err
	}
	animation := opt.Animation
	ext := strings.ToLower(filepath.Ext(path))
	if !IsMotionFile(path) {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), ErrUnknownFormat)
	}
	file, err := guard.Open(path) // a named pipe would block a drop for ever
	if err != nil {
		return nil, fmt.Errorf("open motion: %w", err)
	}
	defer file.Close()
	f := guard.Reader(ctx, file) // a cancelled drop stops at the next read
	info, err := file.Stat()
	if err != nil {
		return nil, fmt.Errorf("open motion: %w", err)
	}
	m := &Motion{Path: path, Chosen: -1}
	switch ext {
	case ".bvh":
		m.Clip, err = bvh.Read(f, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	case ".json":
		m.Clip, err = movedata.Read(f, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		m.Notes = append(m.Notes, MotionDataNote)
	case ".zip":
		m.Clip, err = bvh.ReadZip(f, info.Size())
		if errors.Is(err, bvh.ErrNoBVHInZip) {
			m.Clip, err = movedata.ReadZip(f, info.Size())
			m.Notes = append(m.Notes, MotionDataNote)
		}
	default:
		read := gltf.ReadContext
		if ext == ".vrma" {
			read = gltf.ReadVRMAContext
		}
		var g *gltf.File
		g, err = read(ctx, f, info.Size(), gltf.Options{Animation: animation, Files: os.DirFS(filepath.Dir(path))})
		if err == nil {
			m.Clip, m.Chosen = g.Clip, g.Chosen
			for _, a := range g.Animations {
				m.Animations = append(m.Animations, Animation{Name: a.Name, Duration: a.Duration})
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	if err := m.Clip.Validate(); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	// glTF and Move's JSON are in metres by their rules; a BVH's numbers
	// are in whatever unit its writer chose.
	readerUp := ""
	if slices.Contains(m.Notes, MotionDataNote) {
		readerUp = "Z" // Move's JSON is Z up; its reader turns it
	}
	m.Clip, m.Space = settle(m.Clip, opt, ext != ".bvh" && !(ext == ".zip" && readerUp == ""), readerUp)
	m.Notes = append(m.Notes, spaceNotes(m.Space)...)
	return m, nil
}

// spaceNotes say what was found about the source's space, when it is not
// what the format's rule gives.
func spaceNotes(sp Space) []string {
	var out []string
	if sp.UpFound {
		out = append(out, fmt.Sprintf("the figure stands along %s (found from its spine): turned to stand up", sp.Up))
	}
	if sp.UnitsFound {
		switch name, known := unitNames[sp.MetresPerUnit]; {
		case sp.MetresPerUnit == CMUUnit:
			out = append(out, fmt.Sprintf("lengths taken as %s: the skeleton is named as CMU's captures are, and the figure then stands %.2f m tall", name, sp.Height))
		case known:
			out = append(out, fmt.Sprintf("lengths taken as %s, from the figure's height (%.2f m)", name, sp.Height))
		default:
			out = append(out, fmt.Sprintf("the file does not say its unit and its lengths fit no usual one, so the figure was made %.2f m tall (one unit is %.4g m); if you know the unit, give its size in metres as the source scale", sp.Height, sp.MetresPerUnit))
		}
	}
	return out
}
