package retarget

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"singlecam/core/guard"
	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/safefile"
)

// Extensions are the endings of the character files OpenCharacter reads.
var Extensions = []string{".glb", ".vrm", ".gltf"}

// PickerExtensions are Extensions as file dialogs want them: without the dot.
func PickerExtensions() []string {
	out := make([]string, len(Extensions))
	for i, e := range Extensions {
		out[i] = strings.TrimPrefix(e, ".")
	}
	return out
}

// ErrNoSkin is returned for a character file without a skin: there is no
// armature a motion could move.
var ErrNoSkin = errors.New("the character has no skin (no armature bound to a mesh)")

// ErrNotCharacter is returned for a file whose name ends in none of Extensions.
var ErrNotCharacter = errors.New("not a character file (.glb, .vrm or .gltf)")

// ErrUnreadable is wrapped by the errors of a character file that is not
// glTF a character can be read from (motion/gltf's ErrNotGLTF).
var ErrUnreadable = gltf.ErrNotGLTF

// Character is a character file opened for retargeting.
type Character struct {
	// Name is the file's name without its ending: "Robot" for Robot.vrm.
	Name string
	// Path is where the file is.
	Path string
	file *gltf.Character

	// soles are Contacts, found once (a VRoid avatar's mesh has tens of
	// thousands of vertices to look through).
	soles      sync.Once
	solesFound []Contact
}

// IsCharacterFile reports whether OpenCharacter reads files with this ending.
func IsCharacterFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if e == ext {
			return true
		}
	}
	return false
}

// OpenCharacter reads a rigged character: a GLB, a VRM (0.x or 1.0) or a
// glTF with its buffers beside it.
func OpenCharacter(ctx context.Context, path string) (_ *Character, err error) {
	defer guard.Recover(&err, "open character "+filepath.Base(path))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !IsCharacterFile(path) {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), ErrNotCharacter)
	}
	f, err := readCharacter(ctx, path)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &Character{Name: name, Path: path, file: f}, nil
}

// readCharacter reads the character at path; a cancelled ctx stops it at
// its next read.
func readCharacter(ctx context.Context, path string) (*gltf.Character, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open character: %w", err)
	}
	defer f.Close()
	c, err := gltf.ReadCharacter(guard.Reader(ctx, f), os.DirFS(filepath.Dir(path)))
	if err != nil {
		return nil, fmt.Errorf("open character %s: %w", filepath.Base(path), err)
	}
	return c, nil
}

// Skeleton returns the character's rest skeleton (shared: do not change it).
func (c *Character) Skeleton() *motion.Skeleton { return c.file.Skeleton }

// Skinned reports whether the file binds a mesh to its skeleton.
func (c *Character) Skinned() bool { return c.file.Skinned }

// HasMesh reports whether the file holds a mesh (a body), not only a
// skeleton and its motion: a motion file's skin binds no mesh.
func (c *Character) HasMesh() bool { return len(c.file.Doc.Meshes) > 0 }

// VRM returns 0 or 1 for a VRM 0.x or 1.0 avatar, -1 for plain glTF.
func (c *Character) VRM() int { return c.file.VRM }

// Match matches the character's bones to the motion skeleton's.
func (c *Character) Match(source *motion.Skeleton) *Match {
	m := NewMatch(c.file.Skeleton, c.file.Humanoid, source)
	m.Character = c.Name
	return m
}

// MatchSaved is the match a saved map (ReadMatch) makes with this motion:
// every bone of the character, driven as the map says or unmatched. A map
// naming a bone neither skeleton has (nor a role either plays) is refused,
// wrapping ErrBadMap, with those names.
func (c *Character) MatchSaved(source *motion.Skeleton, saved *Match) (*Match, error) {
	check := *saved
	check.table = c.file.Humanoid
	if _, err := check.bind(c.file.Skeleton, source); err != nil {
		return nil, err
	}
	return c.Match(source).Over(saved), nil
}

// Check says whether the motion can go on the character with match m: it
// needs a skin, every pair's bones, and the core humanoid bones matched
// (a *MissingError lists those it lacks).
func (c *Character) Check(m *Match, source *motion.Skeleton) error {
	if !c.file.Skinned {
		return ErrNoSkin
	}
	if _, err := m.bind(c.file.Skeleton, source); err != nil {
		return err
	}
	if miss, inMotion := m.Missing(c.file.Skeleton, source); len(miss) > 0 {
		return &MissingError{Roles: miss, InMotion: inMotion, Character: c.Name}
	}
	return nil
}

// Retarget puts the clip's first actor on the character, its feet grounded
// by the soles of its mesh (Contacts).
func (c *Character) Retarget(clip *motion.Clip, m *Match, opts ...Option) (*motion.Clip, error) {
	if err := c.Check(m, clip.Actors[0].Skeleton); err != nil {
		return nil, err
	}
	return Clip(clip, c.file.Skeleton, m, append([]Option{Soles(c.Contacts())}, opts...)...)
}

// OutputName is the file a motion on a character is saved as:
// "<motion> on <character>.glb", made safe on every OS by safefile.
func OutputName(motionName, character string) string {
	return FileName(motionName + " on " + character)
}

// FileName is the GLB a character is saved as under stem ("Walk - clean"),
// made safe on every OS by safefile.
func FileName(stem string) string {
	return safefile.SafeStem(stem, ".glb") + ".glb"
}

// Encode writes the character as a GLB with moved (a clip Retarget made)
// as its first animation, named after moved, and the character's own
// animations after it (none with onlyNew). It reads the character file
// again, so what it writes holds exactly what the file holds; writing it
// to disk is the engine's.
func (c *Character) Encode(w io.Writer, moved *motion.Clip, onlyNew bool) (err error) {
	defer guard.Recover(&err, "write "+c.Name)
	f, err := readCharacter(context.Background(), c.Path)
	if err != nil {
		return err
	}
	return f.WriteWithAnimation(w, moved, onlyNew)
}

// MotionName names a motion file's motion for "<motion> on <character>":
// its job's folder for one of Singlecam's downloads ("Walk 1/main_glb.glb"
// is "Walk 1"), else the file's name without its ending.
func MotionName(path string) string {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	lower := strings.ToLower(stem)
	if strings.HasPrefix(lower, "main_") || strings.HasPrefix(lower, "all_") || lower == "motion_data" {
		if dir := filepath.Base(filepath.Dir(path)); dir != "." && dir != string(filepath.Separator) {
			return dir
		}
	}
	return stem
}
