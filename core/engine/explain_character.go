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
		them := "them"
		if len(miss.Roles) == 1 {
			them = "it"
		}
		if len(miss.InMotion) == len(miss.Roles) {
			return "The motion has no bone for the " + retarget.RoleTitles(miss.Roles) +
				" (its skeleton is not a whole body's), so no match can move " + them + ": choose a motion of a whole humanoid."
		}
		return "No bone of the character is matched for the " + retarget.RoleTitles(miss.Roles) +
			": match " + them + " in the bone list (or a map file), or choose a rigged humanoid character."
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
