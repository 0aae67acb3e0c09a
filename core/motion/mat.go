package motion

// Mat4 is an affine 4×4 matrix in column-major order, as glTF stores it:
// element (row r, column c) is m[c*4+r], and the translation is m[12:15].
type Mat4 [16]float64

// Ident4 is the identity matrix.
var Ident4 = Mat4{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}

// Transform is a joint's local transform: translation, rotation and scale,
// applied to a child's points in the order scale, rotate, translate.
type Transform struct {
	T Vec3
	R Quat
	S Vec3
}

// Rest is the transform that changes nothing.
var Rest = Transform{R: Identity, S: Vec3{1, 1, 1}}

// Matrix returns t as a matrix: translation × rotation × scale.
func (t Transform) Matrix() Mat4 {
	x, y, z, w := t.R.X, t.R.Y, t.R.Z, t.R.W
	sx, sy, sz := t.S.X, t.S.Y, t.S.Z
	return Mat4{
		(1 - 2*(y*y+z*z)) * sx, 2 * (x*y + z*w) * sx, 2 * (x*z - y*w) * sx, 0,
		2 * (x*y - z*w) * sy, (1 - 2*(x*x+z*z)) * sy, 2 * (y*z + x*w) * sy, 0,
		2 * (x*z + y*w) * sz, 2 * (y*z - x*w) * sz, (1 - 2*(x*x+y*y)) * sz, 0,
		t.T.X, t.T.Y, t.T.Z, 1,
	}
}

// Apply returns point p moved by t.
func (t Transform) Apply(p Vec3) Vec3 { return t.R.Rotate(p.Mul(t.S)).Add(t.T) }

// Mul returns a × b: the transform that applies b first, then a. Both are
// taken as affine (last row 0 0 0 1), which every transform here is.
func (a *Mat4) Mul(b *Mat4) Mat4 {
	var m Mat4
	for c := range 3 {
		b0, b1, b2 := b[c*4], b[c*4+1], b[c*4+2]
		m[c*4+0] = a[0]*b0 + a[4]*b1 + a[8]*b2
		m[c*4+1] = a[1]*b0 + a[5]*b1 + a[9]*b2
		m[c*4+2] = a[2]*b0 + a[6]*b1 + a[10]*b2
	}
	b0, b1, b2 := b[12], b[13], b[14]
	m[12] = a[0]*b0 + a[4]*b1 + a[8]*b2 + a[12]
	m[13] = a[1]*b0 + a[5]*b1 + a[9]*b2 + a[13]
	m[14] = a[2]*b0 + a[6]*b1 + a[10]*b2 + a[14]
	m[15] = 1
	return m
}

// Point returns point p transformed by m.
func (a *Mat4) Point(p Vec3) Vec3 {
	return Vec3{
		a[0]*p.X + a[4]*p.Y + a[8]*p.Z + a[12],
		a[1]*p.X + a[5]*p.Y + a[9]*p.Z + a[13],
		a[2]*p.X + a[6]*p.Y + a[10]*p.Z + a[14],
	}
}

// Dir returns direction d transformed by m (without the translation).
func (a *Mat4) Dir(d Vec3) Vec3 {
	return Vec3{
		a[0]*d.X + a[4]*d.Y + a[8]*d.Z,
		a[1]*d.X + a[5]*d.Y + a[9]*d.Z,
		a[2]*d.X + a[6]*d.Y + a[10]*d.Z,
	}
}

// Translation returns the matrix's translation: where it takes the origin.
func (a *Mat4) Translation() Vec3 { return Vec3{a[12], a[13], a[14]} }

// Inverse returns the inverse of an affine matrix, and false when it has none.
func (a *Mat4) Inverse() (Mat4, bool) {
	// Invert the 3×3 part by cofactors, then the translation.
	m00, m01, m02 := a[0], a[4], a[8]
	m10, m11, m12 := a[1], a[5], a[9]
	m20, m21, m22 := a[2], a[6], a[10]
	c00 := m11*m22 - m12*m21
	c01 := m12*m20 - m10*m22
	c02 := m10*m21 - m11*m20
	det := m00*c00 + m01*c01 + m02*c02
	if det == 0 || !finite(det) {
		return Mat4{}, false
	}
	d := 1 / det
	i00, i01, i02 := c00*d, (m02*m21-m01*m22)*d, (m01*m12-m02*m11)*d
	i10, i11, i12 := c01*d, (m00*m22-m02*m20)*d, (m02*m10-m00*m12)*d
	i20, i21, i22 := c02*d, (m01*m20-m00*m21)*d, (m00*m11-m01*m10)*d
	tx, ty, tz := a[12], a[13], a[14]
	return Mat4{
		i00, i10, i20, 0,
		i01, i11, i21, 0,
		i02, i12, i22, 0,
		-(i00*tx + i01*ty + i02*tz), -(i10*tx + i11*ty + i12*tz), -(i20*tx + i21*ty + i22*tz), 1,
	}, true
}

// Decompose splits an affine matrix without shear into translation,
// rotation and (positive) scale.
func (a *Mat4) Decompose() Transform {
	sx := Vec3{a[0], a[1], a[2]}.Len()
	sy := Vec3{a[4], a[5], a[6]}.Len()
	sz := Vec3{a[8], a[9], a[10]}.Len()
	cx, cy, cz := Vec3{a[0], a[1], a[2]}, Vec3{a[4], a[5], a[6]}, Vec3{a[8], a[9], a[10]}
	if cx.Cross(cy).Dot(cz) < 0 {
		sx = -sx
	}
	var r [3][3]float64
	scales := [3]float64{sx, sy, sz}
	for c, s := range scales {
		if s == 0 {
			s = 1
		}
		for row := range 3 {
			r[row][c] = a[c*4+row] / s
		}
	}
	return Transform{T: a.Translation(), R: quatFromMatrix3(r), S: Vec3{sx, sy, sz}}
}

// quatFromMatrix3 converts a row-major rotation matrix to a quaternion.
func quatFromMatrix3(m [3][3]float64) Quat {
	tr := m[0][0] + m[1][1] + m[2][2]
	var q Quat
	switch {
	case tr > 0:
		s := 0.5 / sqrt(tr+1)
		q = Quat{(m[2][1] - m[1][2]) * s, (m[0][2] - m[2][0]) * s, (m[1][0] - m[0][1]) * s, 0.25 / s}
	case m[0][0] > m[1][1] && m[0][0] > m[2][2]:
		s := 2 * sqrt(1+m[0][0]-m[1][1]-m[2][2])
		q = Quat{0.25 * s, (m[0][1] + m[1][0]) / s, (m[0][2] + m[2][0]) / s, (m[2][1] - m[1][2]) / s}
	case m[1][1] > m[2][2]:
		s := 2 * sqrt(1+m[1][1]-m[0][0]-m[2][2])
		q = Quat{(m[0][1] + m[1][0]) / s, 0.25 * s, (m[1][2] + m[2][1]) / s, (m[0][2] - m[2][0]) / s}
	default:
		s := 2 * sqrt(1+m[2][2]-m[0][0]-m[1][1])
		q = Quat{(m[0][2] + m[2][0]) / s, (m[1][2] + m[2][1]) / s, 0.25 * s, (m[1][0] - m[0][1]) / s}
	}
	return q.Normalize()
}
