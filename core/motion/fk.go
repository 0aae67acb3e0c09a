package motion

// WorldMatrices returns every joint's world matrix at frame f (forward
// kinematics), reusing dst when it is long enough.
func (a *Actor) WorldMatrices(f int, dst []Mat4) []Mat4 {
	dst = grow(dst, len(a.Skeleton.Joints))
	for j, joint := range a.Skeleton.Joints {
		m := a.Local(j, f).Matrix()
		if joint.Parent >= 0 {
			m = dst[joint.Parent].Mul(&m)
		}
		dst[j] = m
	}
	return dst
}

// WorldPositions returns every joint's world position at frame f, in the
// skeleton's order, reusing dst when it is long enough.
func (a *Actor) WorldPositions(f int, dst []Vec3) []Vec3 {
	n := len(a.Skeleton.Joints)
	dst = grow(dst, n)
	// The matrices live on the stack for ordinary skeletons.
	var buf [96]Mat4
	var w []Mat4
	if n <= len(buf) {
		w = buf[:n]
	} else {
		w = make([]Mat4, n)
	}
	w = a.WorldMatrices(f, w)
	for j := range w {
		dst[j] = w[j].Translation()
	}
	return dst
}

// WorldPositions returns the world positions of actor's joints at frame f;
// see Actor.WorldPositions.
func (c *Clip) WorldPositions(actor, f int, dst []Vec3) []Vec3 {
	return c.Actors[actor].WorldPositions(f, dst)
}
