using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// Whole numbers from forms and queries as people write them: optional sign and digits, nothing else. ASP.NET Core's
/// default converter also reads hexadecimal (<c>quantity=0x10</c> would be 16), which no buyer means.
/// </summary>
public sealed class StrictIntegerBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim();
        var type = Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType;
        if (string.IsNullOrEmpty(text))
        {
            if (type != bindingContext.ModelType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "A whole number is required.");
            }
            return Task.CompletedTask;
        }
        if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
        {
            bindingContext.Result = ModelBindingResult.Success(small);
        }
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large))
        {
            bindingContext.Result = ModelBindingResult.Success(large);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Not a whole number.");
        }
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        private static readonly StrictIntegerBinder Binder = new();

        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) is var type && (type == typeof(int) || type == typeof(long))
                ? Binder
                : null;
    }
}
