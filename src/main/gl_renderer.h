// Draws ImGui's draw data with OpenGL 3 / OpenGL ES 3 (WebGL2).
//
// Why not Dear ImGui's own OpenGL3 backend: it saves and restores about twenty pieces of
// GL state around every frame (glGetIntegerv, glIsEnabled), so that it can live inside
// someone else's renderer. azplan owns its context and needs none of that, and in the
// browser each such query is a synchronous round trip to the GPU process, which with a
// software rasteriser stalls the frame for milliseconds while the previous one is drawn.
// This renderer only sets state, never reads it, and uploads each frame's vertices and
// indices in one buffer each.
#pragma once

struct ImDrawData;

namespace azplan::app {

// glslVersion: "#version 130" (desktop GL 3.0) or "#version 300 es" (WebGL2).
bool GlRendererInit(const char* glslVersion);
// (Re)uploads the font atlas; call after the fonts change.
void GlRendererUploadFonts();
void GlRendererDraw(const ImDrawData* data, int framebufferWidth, int framebufferHeight);
void GlRendererShutdown();

}  // namespace azplan::app
