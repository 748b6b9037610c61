using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class ValidatedOptions
{
    /// <summary>
    /// Options bound to a configuration section and checked by <typeparamref name="TValidation"/> as the host starts,
    /// so a bad setting stops the service with a message naming it rather than failing the first request.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidation>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidation : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidation>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
