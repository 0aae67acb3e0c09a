package engine

import (
	"fmt"
	"strings"
	"testing"

	"singlecam/core/motion/retarget"
)

// A missing bone is blamed on the file that lacks it: the character when
// its bones are not matched, the motion when it has no such bone at all.
func TestExplainCharacterBlamesTheFileThatLacksTheBones(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&retarget.MissingError{Roles: []string{"leftFoot", "rightFoot"}}, "No bone of the character is matched for the left foot, right foot"},
		{&retarget.MissingError{Roles: []string{"leftFoot", "rightFoot"}, InMotion: []string{"leftFoot", "rightFoot"}}, "The motion has no bone for the left foot, right foot"},
		{fmt.Errorf("put on: %w", &retarget.MissingError{Roles: []string{"hips"}, InMotion: []string{"hips"}}), "choose a motion of a whole humanoid"},
		{&retarget.MissingError{Roles: []string{"head"}, Character: "CesiumMan"}, "No bone of the character (CesiumMan) is matched for the head: match it"},
		// Each file blamed for what it lacks.
		{&retarget.MissingError{Roles: []string{"head", "leftFoot", "rightFoot"}, InMotion: []string{"leftFoot", "rightFoot"}, Character: "CesiumMan"},
			"The motion has no bone for the left foot, right foot (its skeleton is not a whole body's), and no bone of the character (CesiumMan) is matched for the head"},
	} {
		if got := ExplainCharacter(c.err); !strings.Contains(got, c.want) {
			t.Errorf("ExplainCharacter(%v) = %q, want it to say %q", c.err, got, c.want)
		}
	}
}
