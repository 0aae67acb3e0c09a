// Package figure says what clean-up stands a motion file's figure on: a
// character's mesh (the soles under its feet) when the file has a body
// that its clip plays, else the figure's joints. It is the one place that
// choice is made, so `singlecam clean`, `singlecam export` and `retarget`,
// the player, its Export for… and the Apply window clean a file the same
// way and tell the same numbers.
package figure

import (
	"context"
	"os"

	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
)

// Figure is what clean-up knows of a motion file's figure.
type Figure struct {
	// Bodies holds one clean.Body per actor of the clip, nil for an actor
	// whose legs are not known (it is only smoothed). A character's body
	// has the soles of its mesh (clean.Body.Soles): a toe joint sits inside
	// the foot, so a figure stood on its joints sinks its mesh's toes into
	// the floor by that depth.
	Bodies []*clean.Body
	// Character is the file's character when its clip plays the skeleton
	// the body hangs from, as the file holds it: `singlecam clean` writes
	// it back whole, its animation cleaned. Nil for a motion file.
	Character *retarget.Character
	// Apart reports a file with a body whose clip is not on that body's
	// skeleton as read (several actors, a figure turned upright, another
	// skeleton): its figure stands on its joints, and its body cannot be
	// written back with the cleaned motion.
	Apart bool
}

// Of finds the figure of m. A file that is not a character (no mesh, or
// not a GLB, glTF or VRM), or whose character does not read, is a motion
// file: its figure stands on its joints. Only a cancelled ctx is an error.
func Of(ctx context.Context, m *load.Motion) (*Figure, error) {
	f := Joints(m.Clip)
	if !Reads(m) {
		return f, nil
	}
	ch, err := retarget.OpenCharacter(ctx, m.Path)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return f, nil // read as motion already: its joints will do
	}
	if !ch.HasMesh() {
		return f, nil
	}
	if len(m.Clip.Actors) != 1 || m.Space.Up != "Y" || !sameSkeleton(ch.Skeleton(), m.Clip.Actors[0].Skeleton) {
		f.Apart = true
		return f, nil
	}
	f.Character = ch
	if b := f.Bodies[0]; b != nil {
		b.Soles = b.SolesOf(ch.Skeleton(), ch.Contacts())
	}
	return f, nil
}

// Joints is the figure of c stood on its joints: what Of finds for a
// motion file, and for a clip that was never a file.
func Joints(c *motion.Clip) *Figure {
	return &Figure{Bodies: clean.Bodies(c)}
}

// Clean cleans c, the clip the figure was found on (or one with the same
// actors and skeletons), with o. A nil f stands c on its joints.
func (f *Figure) Clean(ctx context.Context, c *motion.Clip, o clean.Options) (*clean.Result, error) {
	if f == nil {
		f = Joints(c)
	}
	return clean.Clean(ctx, c, f.Bodies, o)
}

// Light is f without its character (whose document, buffers included,
// can be tens of megabytes): what a window that only cleans keeps.
func (f *Figure) Light() *Figure {
	if f == nil {
		return nil
	}
	l := *f
	l.Character = nil
	return &l
}

// sameSkeleton reports whether a and b name the same joints in the same
// tree.
func sameSkeleton(a, b *motion.Skeleton) bool {
	if len(a.Joints) != len(b.Joints) {
		return false
	}
	for j := range a.Joints {
		if a.Joints[j].Name != b.Joints[j].Name || a.Joints[j].Parent != b.Joints[j].Parent {
			return false
		}
	}
	return true
}

// Reads reports whether Of reads m's file again to look for a body (a
// GLB, glTF or VRM may be a character).
func Reads(m *load.Motion) bool {
	return m.Path != "" && retarget.IsCharacterFile(m.Path)
}

// quickBytes bounds the files Of reads on a window's goroutine: CesiumMan
// (0.4 MB) reads in milliseconds, a 40 MB VRoid avatar would stall a
// window for a noticeable while.
const quickBytes = 8 << 20

// Quick reports whether Of is quick enough for a window's goroutine: m is
// not a file that may be a character, or one of at most 8 MB.
func Quick(m *load.Motion) bool {
	if !Reads(m) {
		return true
	}
	info, err := os.Stat(m.Path)
	return err == nil && info.Size() <= quickBytes
}
