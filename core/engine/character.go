package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"singlecam/core/atomicfile"
	"singlecam/core/motion"
	"singlecam/core/motion/retarget"
)

// Putting a motion on a character is computed by core/motion/retarget; the
// engine writes its results to disk, as it does every other file.

// SaveOnCharacter writes the character with moved (from
// retarget.Character.Retarget) as a new animation into dir, named
// retarget.OutputName(motionName, character), numbered "(2)", "(3)" when
// the name is taken: it never replaces a file. It returns the path written.
func SaveOnCharacter(ctx context.Context, ch *retarget.Character, dir, motionName string, moved *motion.Clip) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := ch.Encode(&buf, moved); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	tmp, err := os.CreateTemp(dir, ".singlecam-*.glb.part")
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
