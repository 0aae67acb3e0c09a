package engine

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"singlecam/core/atomicfile"
	"singlecam/core/guard"
	"singlecam/core/motion"
	"singlecam/core/motion/retarget"
	"singlecam/core/safefile"
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
	dest, err := safefile.WriteNumbered(dir, retarget.OutputName(motionName, ch.Name), buf.Bytes(), 0o666)
	if err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	return dest, nil
}

// SaveCharacterAs writes the character with moved (a motion of its own
// skeleton: one of its animations, cleaned) as its first animation into
// dir as name (a file name with its ending), numbered "(2)", "(3)" when
// the name is taken: it never replaces a file. It returns the path written.
func SaveCharacterAs(ctx context.Context, ch *retarget.Character, dir, name string, moved *motion.Clip, opt CharacterSave) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := ch.Encode(&buf, moved, opt.OnlyNew); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	dest, err := safefile.WriteNumbered(dir, name, buf.Bytes(), 0o666)
	if err != nil {
		return "", fmt.Errorf("save %s: %w", ch.Name, err)
	}
	return dest, nil
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

// ReadBoneMap reads a bone map saved by SaveBoneMap (or written by hand),
// refusing anything but a plain file before opening it: a named pipe
// chosen as a map would block the open for ever (guard.Open).
func ReadBoneMap(path string) (*retarget.Match, error) {
	f, err := guard.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read bone map: %w", err)
	}
	defer f.Close()
	return retarget.ReadMatch(f)
}
