package engine

import (
	"errors"
	"io/fs"

	"singlecam/core/motion/retarget"
)

// ExplainCharacter says in one sentence why a motion could not go on a
// character, and what to do instead, in the window and the terminal alike.
func ExplainCharacter(err error) string {
	var miss *retarget.MissingError
	switch {
	case errors.As(err, &miss):
		return explainMissing(miss)
	case errors.Is(err, retarget.ErrNoSkin):
		return "That character has no skin (no armature bound to its mesh): export it from your 3D tool with its armature and skinned mesh."
	case errors.Is(err, retarget.ErrNotCharacter):
		return "Singlecam puts motions on characters in GLB, VRM and glTF files: choose one of those."
	case errors.Is(err, retarget.ErrBadMap):
		return "That bone map does not fit (" + err.Error() + "): fix the map file, or match the bones again without it."
	case errors.Is(err, retarget.ErrNoMotion):
		return "The motion has no frames to put on the character: choose another motion file."
	case errors.Is(err, fs.ErrNotExist):
		return "The file is not there any more: choose it again."
	case errors.Is(err, fs.ErrPermission):
		return "Singlecam may not read or write there: check the permissions, or choose another folder."
	case errors.Is(err, retarget.ErrUnreadable):
		return "That character file could not be read (" + err.Error() + "): export it again as GLB or VRM."
	}
	return "That did not work (" + err.Error() + "): try another file or folder."
}

// explainMissing blames each missing bone on the file that lacks it: the
// motion when it has no such bone at all (no match can help), the
// character, by name, when its bone is not matched.
func explainMissing(miss *retarget.MissingError) string {
	them := func(roles []string) string {
		if len(roles) == 1 {
			return "it"
		}
		return "them"
	}
	character := "the character"
	if miss.Character != "" {
		character += " (" + miss.Character + ")"
	}
	inMotion, inCharacter := miss.InMotion, miss.InCharacter()
	switch {
	case len(inCharacter) == 0:
		return "The motion has no bone for the " + retarget.RoleTitles(inMotion) +
			" (its skeleton is not a whole body's), so no match can move " + them(inMotion) + ": choose a motion of a whole humanoid."
	case len(inMotion) == 0:
		return "No bone of " + character + " is matched for the " + retarget.RoleTitles(inCharacter) +
			": match " + them(inCharacter) + " in the bone list (or a map file), or choose a rigged humanoid character."
	}
	return "The motion has no bone for the " + retarget.RoleTitles(inMotion) + " (its skeleton is not a whole body's), and no bone of " +
		character + " is matched for the " + retarget.RoleTitles(inCharacter) + ": choose a motion of a whole humanoid."
}
