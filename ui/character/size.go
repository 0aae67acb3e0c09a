package character

import (
	"fmt"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// sizeNote says, when the character and the motion's figure differ much in
// size, how much, and that the character's steps are scaled to match, so a
// robot drawn half again as tall beside the motion is not taken for a
// mistake (and a character 100 times too tall points at its unit); "" when
// they are about the same size or either is no humanoid. Both skeletons
// are in metres.
func sizeNote(motionSkel, charSkel *motion.Skeleton) string {
	m, err := roles.Find(motionSkel)
	if err != nil || m.Height <= 0 || m.HipsHeight <= 0 {
		return ""
	}
	c, err := roles.Find(charSkel)
	if err != nil || c.Height <= 0 || c.HipsHeight <= 0 {
		return ""
	}
	// By the hips, as the retarget scales the steps: a BVH's head end site
	// sits mid-skull (CMU's), so its heights say less.
	r := c.HipsHeight / m.HipsHeight
	if r < 1.25 && r > 1/1.25 {
		return ""
	}
	var note string
	if r > 1 {
		note = fmt.Sprintf("Your character is %.1f times the size of the motion's figure: it keeps its size, and its steps are scaled to match.", r)
	} else {
		note = fmt.Sprintf("Your character is %.1f times smaller than the motion's figure: it keeps its size, and its steps are scaled to match.", 1/r)
	}
	if c.Height > 4 || c.Height < 0.25 {
		// A file in centimetres read as metres stands 100 times too tall.
		note += fmt.Sprintf(" It stands %.3g m tall: if it should not, check the unit it was exported in.", c.Height)
	}
	return note
}
