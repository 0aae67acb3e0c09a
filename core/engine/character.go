package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"singlecam/core/atomicfile"
	"singlecam/core/motion"
	"singlecam/core/motion/retarget"
)

// Putting a motion on a character is computed by core/motion/retarget; the
// engine writes its results to disk, as it does every other file.

// CharacterSave says how SaveOnCharacter writes a character.
type CharacterSave struct {
	// OnlyNew leaves the character's own animations out: the file plays
	// the motion and nothing else.
	OnlyNew bool
}

// SaveOnCharacter writes the character with moved (from
// retarget.Character.Retarget) as its first animation, named motionName,
// into dir, as retarget.OutputName(motionName, character), numbered "(2)",
// "(3)" when the name is taken: it never replaces a file. The file gets the
// user's usual permissions (0644 under a 022 umask). It returns the path
// written.
func SaveOnCharacter(ctx context.Context, ch *retarget.Character, dir, motionName string, moved *motion.Clip, opt CharacterSave) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	named := *moved
	named.Name = motionName
	var buf bytes.Buffer
	if err := ch.Encode(&buf, &named, opt.OnlyNew); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	tmp, err := createPart(dir)
	if err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	base := strings.TrimSuffix(retarget.OutputName(motionName, ch.Name), ".glb")
	for n := 1; n < 1000; n++ {
		name := base + ".glb"
		if n > 1 {
			name = fmt.Sprintf("%s (%d).glb", base, n)
		}
		dest := filepath.Join(dir, name)
		// A hard link fails when the name is taken, so nothing is replaced.
		err := os.Link(tmp.Name(), dest)
		switch {
		case err == nil:
			return dest, nil
		case errors.Is(err, os.ErrExist):
			continue
		}
		if _, statErr := os.Lstat(dest); statErr == nil {
			continue
		}
		// No hard links here (a FAT drive): the name was free a moment ago.
		if err := os.Rename(tmp.Name(), dest); err != nil {
			return "", fmt.Errorf("save %s: %w", ch.Name, err)
		}
		return dest, nil
	}
	return "", fmt.Errorf("save %s: every name from %q to %q is taken", ch.Name, base, base+" (999)")
}

// SaveBoneMap keeps a bone match as JSON at path (replacing an older one
// whole), for retarget.ReadMatch and `singlecam retarget --map`.
func SaveBoneMap(path string, m *retarget.Match) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save bone map: %w", err)
	}
	return nil
}

// createPart makes a new, empty temporary file in dir. Unlike
// os.CreateTemp (always 0600) it asks for 0666, so the umask gives the
// finished file the permissions the user's other files get.
func createPart(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".singlecam-%d.glb.part", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no free temporary name")
}
