using System.Runtime.InteropServices;

namespace RapAnalyzer.Rhymes;

/// <summary>
/// The part of eSpeak NG's C API (speak_lib.h, API revision 12) that turns text into phoneme mnemonics, the
/// output of <c>espeak-ng -x</c>. Bound to the runtime library's soname: the unversioned libespeak-ng.so only comes
/// with the -dev package.
/// </summary>
internal static partial class EspeakNg
{
    private const string Library = "libespeak-ng.so.1";

    public const int AudioOutputRetrieval = 1;
    public const int InitializeDontExit = 0x8000;
    public const int CharsUtf8 = 1;
    public const int PhonemeMnemonics = 0;
    public const int Ok = 0;

    [LibraryImport(Library, EntryPoint = "espeak_Initialize")]
    public static partial int Initialize(int output, int bufferLength, IntPtr path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    /// <summary>One clause's phonemes; advances <paramref name="text"/>, to null at the end. The result is eSpeak's own buffer.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_TextToPhonemes")]
    public static partial IntPtr TextToPhonemes(ref IntPtr text, int textMode, int phonemeMode);
}
