#include "main/gl_renderer.h"

#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

namespace azplan::app {

namespace {

static_assert(sizeof(ImDrawIdx) == 4, "cmake/imgui.cmake sets 32-bit indices: one index buffer holds every list");

struct Renderer {
  GLuint program = 0, vao = 0, vbo = 0, ebo = 0, fontTexture = 0;
  GLint projection = -1, texture = -1, whiteUv = -1, quarterTexel = -1;
  std::vector<ImDrawVert> vertices;  // every list's, back to back
  std::vector<ImDrawIdx> indices;    // rebased onto `vertices`
} g;

enum Attribute : GLuint { kPosition = 0, kUv = 1, kColor = 2 };

GLuint Compile(GLenum type, const std::string& source) {
  GLuint s = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    std::fprintf(stderr, "azplan: the UI shader did not compile: %s\n", log);
  }
  return s;
}

}  // namespace

bool GlRendererInit(const char* glslVersion) {
  const std::string version = std::string(glslVersion) + "\n";
  const bool es = version.find(" es") != std::string::npos;
  const std::string vertex = version + R"(
uniform mat4 Projection;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 FragUV;
out vec4 FragColor;
void main() {
  FragUV = UV;
  FragColor = Color;
  gl_Position = Projection * vec4(Position, 0.0, 1.0);
})";
  const std::string fragment = version + (es ? "precision mediump float;\n" : "") + R"(
uniform sampler2D Texture;
uniform vec2 WhiteUV;
uniform vec2 QuarterTexel;
in vec2 FragUV;
in vec4 FragColor;
out vec4 OutColor;
void main() {
  // Most of a frame's pixels are solid fills (backgrounds, rows, bars), which ImGui draws
  // with the atlas's white texel: those skip the texture read, the costliest part of a
  // pixel under software WebGL.
  if (all(lessThan(abs(FragUV - WhiteUV), QuarterTexel)))
    OutColor = FragColor;
  else
    OutColor = FragColor * texture(Texture, FragUV);
})";
  GLuint vs = Compile(GL_VERTEX_SHADER, vertex), fs = Compile(GL_FRAGMENT_SHADER, fragment);
  g.program = glCreateProgram();
  glAttachShader(g.program, vs);
  glAttachShader(g.program, fs);
  glBindAttribLocation(g.program, kPosition, "Position");
  glBindAttribLocation(g.program, kUv, "UV");
  glBindAttribLocation(g.program, kColor, "Color");
  glLinkProgram(g.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = 0;
  glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
  if (!linked) {
    std::fprintf(stderr, "azplan: the UI shader program did not link\n");
    return false;
  }
  g.projection = glGetUniformLocation(g.program, "Projection");
  g.texture = glGetUniformLocation(g.program, "Texture");
  g.whiteUv = glGetUniformLocation(g.program, "WhiteUV");
  g.quarterTexel = glGetUniformLocation(g.program, "QuarterTexel");

  // The vertex layout is fixed: record it once in a vertex array object.
  glGenVertexArrays(1, &g.vao);
  glGenBuffers(1, &g.vbo);
  glGenBuffers(1, &g.ebo);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
  glEnableVertexAttribArray(kPosition);
  glEnableVertexAttribArray(kUv);
  glEnableVertexAttribArray(kColor);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "azplan_gl";
  GlRendererUploadFonts();
  return true;
}

void GlRendererUploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  if (!g.fontTexture) glGenTextures(1, &g.fontTexture);
  glBindTexture(GL_TEXTURE_2D, g.fontTexture);
  // Unfiltered: glyphs are rasterised one texel per pixel at whole-pixel positions
  // (ui/widgets/theme.cpp), and a filtered read costs software WebGL about twice as much.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g.fontTexture)));
}

void GlRendererDraw(const ImDrawData* data, int fbw, int fbh) {
  if (!data || fbw <= 0 || fbh <= 0 || data->TotalVtxCount == 0) return;

  // One upload of each buffer per frame: the lists' vertices back to back, their indices
  // shifted by where each list's vertices start.
  g.vertices.resize(static_cast<size_t>(data->TotalVtxCount));
  g.indices.resize(static_cast<size_t>(data->TotalIdxCount));
  size_t vtx = 0, idx = 0;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    std::copy(list->VtxBuffer.begin(), list->VtxBuffer.end(), g.vertices.begin() + static_cast<ptrdiff_t>(vtx));
    const ImDrawIdx base = static_cast<ImDrawIdx>(vtx);
    for (ImDrawIdx i : list->IdxBuffer) g.indices[idx++] = i + base;
    vtx += static_cast<size_t>(list->VtxBuffer.Size);
  }

  glViewport(0, 0, fbw, fbh);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(g.program);
  const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
  const float projection[16] = {2 / (r - l), 0, 0, 0,  0, 2 / (t - b), 0, 0,  0, 0, -1, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUniformMatrix4fv(g.projection, 1, GL_FALSE, projection);
  glUniform1i(g.texture, 0);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  glUniform2f(g.whiteUv, white.x, white.y);
  // Glyphs lie whole texels away from the white texel's centre; interpolation (and a GPU's
  // half floats) stays well within a quarter texel of it.
  const ImVec2 texel = ImGui::GetIO().Fonts->TexUvScale;
  glUniform2f(g.quarterTexel, texel.x / 4, texel.y / 4);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.vertices.size() * sizeof(ImDrawVert)), g.vertices.data(),
               GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.indices.size() * sizeof(ImDrawIdx)), g.indices.data(),
               GL_STREAM_DRAW);

  const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
  GLuint boundTexture = 0;
  size_t firstIndex = 0;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - off.x) * scale.x, y0 = (cmd.ClipRect.y - off.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - off.x) * scale.x, y1 = (cmd.ClipRect.w - off.y) * scale.y;
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      if (tex != boundTexture) {
        glBindTexture(GL_TEXTURE_2D, tex);
        boundTexture = tex;
      }
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(fbh - y1), static_cast<GLsizei>(x1 - x0),
                static_cast<GLsizei>(y1 - y0));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>((firstIndex + cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
    firstIndex += static_cast<size_t>(list->IdxBuffer.Size);
  }
  glBindVertexArray(0);
  // The next frame's clear paints the whole screen (the main window has no background of
  // its own), and a clear obeys the scissor.
  glDisable(GL_SCISSOR_TEST);
}

void GlRendererShutdown() {
  if (g.fontTexture) glDeleteTextures(1, &g.fontTexture);
  if (g.vbo) glDeleteBuffers(1, &g.vbo);
  if (g.ebo) glDeleteBuffers(1, &g.ebo);
  if (g.vao) glDeleteVertexArrays(1, &g.vao);
  if (g.program) glDeleteProgram(g.program);
  g = Renderer{};
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

}  // namespace azplan::app
