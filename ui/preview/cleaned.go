package preview

import (
	"singlecam/core/motion"
	"singlecam/core/motion/clean"
)

// Before and after clean-up: the player keeps both motions, so switching
// between them redraws a frame and reloads nothing.

// SetCleaned gives the player res, a clean-up of the motion it plays; the
// view (before or after) stays as it was. A nil res forgets it.
func (p *Player) SetCleaned(res *clean.Result) {
	p.cleaned = res
	if res != nil {
		p.cleanedFloor = res.Clip.Bounds().Min.Y
	}
	p.ShowCleaned(p.after)
}

// ShowCleaned shows the motion after clean-up, the original as a faint
// ghost behind it and the planted feet marked on the floor, or (false) the
// original as it is.
func (p *Player) ShowCleaned(after bool) {
	p.after = after
	s := p.scene
	if after && p.cleaned != nil {
		s.clip, s.ghost = p.cleaned.Clip, p.clip
		s.stage.Floor = p.cleanedFloor
		var contacts []motion.FootContacts
		var feet [][2]int
		bodies := clean.Bodies(p.clip)
		for i, r := range p.cleaned.Actors {
			if !r.Legs || bodies[i] == nil {
				contacts = append(contacts, motion.FootContacts{})
				feet = append(feet, [2]int{})
				continue
			}
			contacts = append(contacts, r.Contacts)
			feet = append(feet, [2]int{bodies[i].Left.Ankle, bodies[i].Right.Ankle})
		}
		s.mark(contacts, feet)
	} else {
		s.clip, s.ghost = p.clip, nil
		s.stage.Floor = p.floor
		s.mark(nil, nil)
	}
	p.view.redraw()
}

// ShowsCleaned reports whether the motion after clean-up is shown.
func (p *Player) ShowsCleaned() bool { return p.after && p.cleaned != nil }
