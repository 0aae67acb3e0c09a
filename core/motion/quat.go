package motion

import (
	"fmt"
	"math"
)

// Quat is a rotation as a unit quaternion, stored as glTF stores it: X, Y, Z
// is the vector part and W the scalar part.
type Quat struct{ X, Y, Z, W float64 }

// Identity is the rotation that changes nothing.
var Identity = Quat{W: 1}

// AxisAngle returns the rotation by angle radians about axis (right-handed:
// counter-clockwise when the axis points at the viewer).
func AxisAngle(axis Vec3, angle float64) Quat {
	a := axis.Normalize()
	s, c := math.Sincos(angle / 2)
	return Quat{a.X * s, a.Y * s, a.Z * s, c}
}

// Mul returns the rotation q applied after r (q × r).
func (q Quat) Mul(r Quat) Quat {
	return Quat{
		q.W*r.X + q.X*r.W + q.Y*r.Z - q.Z*r.Y,
		q.W*r.Y - q.X*r.Z + q.Y*r.W + q.Z*r.X,
		q.W*r.Z + q.X*r.Y - q.Y*r.X + q.Z*r.W,
		q.W*r.W - q.X*r.X - q.Y*r.Y - q.Z*r.Z,
	}
}

// Conj returns the inverse rotation of a unit quaternion.
func (q Quat) Conj() Quat { return Quat{-q.X, -q.Y, -q.Z, q.W} }

// Dot returns the four-dimensional dot product of q and r.
func (q Quat) Dot(r Quat) float64 { return q.X*r.X + q.Y*r.Y + q.Z*r.Z + q.W*r.W }

// Normalize returns q scaled to unit length, or Identity when q has none.
func (q Quat) Normalize() Quat {
	l := math.Sqrt(q.Dot(q))
	if l == 0 || !finite(l) {
		return Identity
	}
	return Quat{q.X / l, q.Y / l, q.Z / l, q.W / l}
}

// Rotate returns v rotated by q.
func (q Quat) Rotate(v Vec3) Vec3 {
	u := Vec3{q.X, q.Y, q.Z}
	t := u.Cross(v).Scale(2)
	return v.Add(t.Scale(q.W)).Add(u.Cross(t))
}

// Slerp returns the rotation a fraction t of the way from q to r along the
// shorter arc.
func (q Quat) Slerp(r Quat, t float64) Quat {
	d := q.Dot(r)
	if d < 0 {
		r, d = Quat{-r.X, -r.Y, -r.Z, -r.W}, -d
	}
	if d > 0.9995 {
		return Quat{
			q.X + (r.X-q.X)*t, q.Y + (r.Y-q.Y)*t, q.Z + (r.Z-q.Z)*t, q.W + (r.W-q.W)*t,
		}.Normalize()
	}
	theta := math.Acos(d)
	s := math.Sin(theta)
	a, b := math.Sin((1-t)*theta)/s, math.Sin(t*theta)/s
	return Quat{q.X*a + r.X*b, q.Y*a + r.Y*b, q.Z*a + r.Z*b, q.W*a + r.W*b}
}

// Angle returns the angle in radians of the rotation that takes q to r.
func (q Quat) Angle(r Quat) float64 {
	d := math.Abs(q.Normalize().Dot(r.Normalize()))
	return 2 * math.Acos(math.Min(1, d))
}

// Finite reports whether no component is NaN or infinite.
func (q Quat) Finite() bool { return finite(q.X) && finite(q.Y) && finite(q.Z) && finite(q.W) }

// Axis names one of the three coordinate axes: 0 is X, 1 is Y, 2 is Z.
type Axis int

// The coordinate axes.
const (
	AxisX Axis = iota
	AxisY
	AxisZ
)

// String returns "X", "Y" or "Z".
func (a Axis) String() string { return string("XYZ"[a]) }

// unit returns the axis as a unit vector.
func (a Axis) unit() Vec3 {
	var v Vec3
	switch a {
	case AxisX:
		v.X = 1
	case AxisY:
		v.Y = 1
	default:
		v.Z = 1
	}
	return v
}

// EulerOrder is the order in which three rotations about distinct axes are
// composed, written as BVH lists its channels: EulerOrder{AxisZ, AxisX, AxisY}
// means R = Rz × Rx × Ry (the last axis applies first to a child's points).
type EulerOrder [3]Axis

// ParseEulerOrder reads an order such as "ZXY".
func ParseEulerOrder(s string) (EulerOrder, error) {
	var o EulerOrder
	if len(s) != 3 {
		return o, fmt.Errorf("rotation order %q: want three axes such as ZXY", s)
	}
	seen := [3]bool{}
	for i := range 3 {
		switch s[i] {
		case 'X', 'x':
			o[i] = AxisX
		case 'Y', 'y':
			o[i] = AxisY
		case 'Z', 'z':
			o[i] = AxisZ
		default:
			return o, fmt.Errorf("rotation order %q: %q is not an axis", s, s[i])
		}
		if seen[o[i]] {
			return o, fmt.Errorf("rotation order %q: an axis appears twice", s)
		}
		seen[o[i]] = true
	}
	return o, nil
}

// String returns the order as three letters, such as "ZXY".
func (o EulerOrder) String() string { return o[0].String() + o[1].String() + o[2].String() }

// FromEuler returns the rotation R = R(o[0], a[0]) × R(o[1], a[1]) × R(o[2], a[2]),
// with the angles in radians.
func FromEuler(o EulerOrder, a [3]float64) Quat {
	return AxisAngle(o[0].unit(), a[0]).Mul(AxisAngle(o[1].unit(), a[1])).Mul(AxisAngle(o[2].unit(), a[2]))
}

// Euler returns the angles in radians that FromEuler turns back into q. The
// middle angle lies in [−π/2, π/2].
func (q Quat) Euler(o EulerOrder) [3]float64 {
	m := q.matrix3()
	i, j, k := int(o[0]), int(o[1]), int(o[2])
	s := 1.0 // parity: +1 when i, j, k is a cyclic order of X, Y, Z
	if (j-i+3)%3 != 1 {
		s = -1
	}
	sb := math.Max(-1, math.Min(1, s*m[i][k]))
	b := math.Asin(sb)
	var a, c float64
	if math.Abs(sb) < 0.9999999 {
		a = math.Atan2(-s*m[j][k], m[k][k])
		c = math.Atan2(-s*m[i][j], m[i][i])
	} else {
		// Gimbal lock: only a ± c is known; put it all in the first angle.
		a = math.Atan2(s*m[k][j], m[j][j])
		c = 0
	}
	return [3]float64{a, b, c}
}

// matrix3 returns q as a row-major 3×3 rotation matrix.
func (q Quat) matrix3() [3][3]float64 {
	x, y, z, w := q.X, q.Y, q.Z, q.W
	return [3][3]float64{
		{1 - 2*(y*y+z*z), 2 * (x*y - z*w), 2 * (x*z + y*w)},
		{2 * (x*y + z*w), 1 - 2*(x*x+z*z), 2 * (y*z - x*w)},
		{2 * (x*z - y*w), 2 * (y*z + x*w), 1 - 2*(x*x+y*y)},
	}
}
