// workgroup.glsl: the linear workgroup index of a dispatch laid out as x * y groups by vk::split_groups
// (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x), so more than 65535 groups can run.
uint linear_group() { return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x; }
